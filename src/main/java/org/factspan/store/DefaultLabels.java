package org.factspan.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.factspan.model.Label;

/** The label set a new project starts with, read from {@code resources/labels.json} so it can change without code. */
public final class DefaultLabels {

    private static final String RESOURCE = "/factspan/labels.json";
    private static final List<Label> LABELS = load();

    private DefaultLabels() {
    }

    public static List<Label> get() {
        return LABELS;
    }

    private static List<Label> load() {
        try (InputStream in = DefaultLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            List<Label> labels = new ArrayList<>();
            for (JsonNode label : new ObjectMapper().readTree(in).path("labels")) {
                labels.add(new Label(label.path("name").asText(), label.path("color").asText(),
                        label.path("key").asInt(0)));
            }
            return List.copyOf(labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
