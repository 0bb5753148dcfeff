package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.factspan.model.Annotation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code src/test/resources/review/} is one scenario: {@code mine.json} and {@code theirs.json}
 * (see {@link Fixtures}) become two project files, the review compares them, and {@code expected.json} holds the
 * differences one per line ({@code category | mine | theirs}, offsets in my text), the quotes of the orphans, and the
 * report exactly as {@code agree --json} prints it. Figures compare to 1e-12.
 */
class ReviewScenariosTest {

    @TempDir
    Path dir;

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path root = Path.of(ReviewScenariosTest.class.getResource("/review").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void reviewFindsTheExpectedDifferencesAndFigures(String scenario) throws Exception {
        Path folder = Path.of(getClass().getResource("/review/" + scenario).toURI());
        Path mine = Fixtures.project(dir.resolve("mine.factspan"), Files.readString(folder.resolve("mine.json")), "me");
        Path theirs = Fixtures.project(dir.resolve("theirs.factspan"),
                Files.readString(folder.resolve("theirs.json")), "colleague");

        Review review = Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs));

        JsonNode expected = Fixtures.JSON.readTree(folder.resolve("expected.json").toFile());
        List<String> differences = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (Review.ReviewedDocument document : review.documents()) {
            document.differences().forEach(d -> differences.add(
                    d.category().key() + " | " + describe(d.mine()) + " | " + describe(d.theirs())));
            document.orphans().forEach(o -> orphans.add(o.quote()));
        }
        JsonNode report = AgreementReport.toJson(review);
        String actual = "differences " + Fixtures.JSON.writeValueAsString(differences) + "\norphans "
                + Fixtures.JSON.writeValueAsString(orphans) + "\nreport "
                + Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        assertEquals(strings(expected.get("differences")), differences, actual);
        assertEquals(strings(expected.get("orphans")), orphans, actual);
        assertSameJson("", expected.get("report"), report, actual);
    }

    private static String describe(Annotation a) {
        return a == null ? "-" : a.label() + " " + a.span() + " \"" + a.quote() + "\"";
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    /** JSON equality with the same keys in the same order, numbers to 1e-12, and null only where null is expected. */
    private static void assertSameJson(String path, JsonNode expected, JsonNode actual, String context) {
        if (expected.isNumber() && actual.isNumber()) {
            assertEquals(expected.asDouble(), actual.asDouble(), 1e-12, path + "\n" + context);
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            assertEquals(fieldNames(expected), fieldNames(actual), path + "\n" + context);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertSameJson(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), context);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            assertEquals(expected.size(), actual.size(), path + "\n" + context);
            for (int i = 0; i < expected.size(); i++) {
                assertSameJson(path + "[" + i + "]", expected.get(i), actual.get(i), context);
            }
            return;
        }
        if (!expected.equals(actual)) {
            fail(path + ": expected " + expected + " but was " + actual + "\n" + context);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
