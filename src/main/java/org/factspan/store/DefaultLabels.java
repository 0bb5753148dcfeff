package org.factspan.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.factspan.model.Label;
import org.factspan.model.LinkType;

/**
 * The labels and link types a new project starts with, read from {@code resources/labels.json} so they can change
 * without code.
 */
public final class DefaultLabels {

    private static final String RESOURCE = "/factspan/labels.json";
    private static final JsonNode DEFAULTS = read();
    private static final List<Label> LABELS = labels(DEFAULTS);
    private static final List<LinkType> LINK_TYPES = linkTypes(DEFAULTS);

    private DefaultLabels() {
    }

    public static List<Label> get() {
        return LABELS;
    }

    public static List<LinkType> linkTypes() {
        return LINK_TYPES;
    }

    private static JsonNode read() {
        try (InputStream in = DefaultLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Label> labels(JsonNode defaults) {
        List<Label> labels = new ArrayList<>();
        for (JsonNode label : defaults.path("labels")) {
            labels.add(new Label(label.path("name").asText(), label.path("color").asText(),
                    label.path("key").asInt(0)));
        }
        return List.copyOf(labels);
    }

    private static List<LinkType> linkTypes(JsonNode defaults) {
        List<LinkType> types = new ArrayList<>();
        for (JsonNode type : defaults.path("link_types")) {
            types.add(new LinkType(type.path("name").asText(), strings(type.path("from")), strings(type.path("to"))));
        }
        return List.copyOf(types);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
