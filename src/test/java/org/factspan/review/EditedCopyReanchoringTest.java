package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.factspan.model.Annotation;
import org.factspan.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: their copy of an article, mine with an editor's note inserted and a sentence removed, short quotes
 * ("he", "said", "he said") annotated everywhere on theirs. Every quote must land where the edit moved it, and every
 * quote in the removed sentence must be an orphan - never on another "he" that happens to sit at its old offsets.
 */
class EditedCopyReanchoringTest {

    private static final String ARTICLE = """
            KYIV, 3 May. The defence minister spoke to reporters on Monday. He said the convoy had left before dawn, \
            and he said it twice. Asked whether it was armed, he said no.

            "We did not send weapons," he said. "We sent food," he said, and then he said nothing more. His deputy \
            said the same, and said it again when asked.

            Later he said the ministry would publish the list. A spokesman said it would take a week; he said it \
            might take longer. The minister, who said he had seen the list, said it was short.

            Asked about the port, he said the ships were waiting. The harbour master said no ship had come in since \
            Friday, and said he had told the ministry so. Pressed on the dates, he said he could not recall them.

            The opposition said the minister had misled parliament. He said he had not, and said so in writing. \
            Nobody else said anything.""";

    private static final String NOTE = "Editor's note: an earlier version of this article said the convoy left"
            + " Odesa at night; he said it left before dawn.\n\n";
    private static final String REMOVED = "The harbour master said no ship had come in since Friday, and said he"
            + " had told the ministry so. ";

    @TempDir
    Path dir;

    @Test
    void everyShortQuoteLandsWhereTheEditsMovedItAndTheRemovedSentencesAreOrphans() throws Exception {
        int inserted = ARTICLE.indexOf("\"We did not");
        int removedFrom = ARTICLE.indexOf(REMOVED);
        int removedTo = removedFrom + REMOVED.length();
        String mine = ARTICLE.substring(0, inserted) + NOTE + ARTICLE.substring(inserted, removedFrom)
                + ARTICLE.substring(removedTo);

        Review review = Review.compare(ReviewSide.open(project("mine", mine, List.of())),
                ReviewSide.open(project("theirs", ARTICLE, shortQuotes(ARTICLE))));

        Map<String, String> names = new HashMap<>();
        Map<String, String> expected = new TreeMap<>();
        List<String> expectedOrphans = new ArrayList<>();
        for (Annotation their : ReviewSide.open(dir.resolve("theirs.factspan")).documents().get(0).annotations()) {
            names.put(their.id(), name(their));
            if (their.start() >= removedFrom && their.end() <= removedTo) {
                expectedOrphans.add(name(their));
            } else {
                int shift = their.start() < inserted ? 0
                        : NOTE.length() - (their.start() >= removedTo ? REMOVED.length() : 0);
                expected.put(name(their), String.valueOf(new Span(their.start() + shift, their.end() + shift)));
            }
        }
        Review.ReviewedDocument document = review.documents().get(0);
        Map<String, String> actual = new TreeMap<>();
        for (Difference difference : document.differences()) {
            Annotation placed = difference.theirs();
            actual.put(names.get(placed.id()), String.valueOf(placed.span()));
        }
        List<String> orphans = document.orphans().stream().map(EditedCopyReanchoringTest::name).toList();

        assertTrue(expectedOrphans.size() >= 3 && expected.size() >= 35, "the article has enough short quotes");
        assertEquals(expected, actual);
        assertEquals(expectedOrphans, orphans);
    }

    private static String name(Annotation annotation) {
        return "\"" + annotation.quote() + "\" at " + annotation.span();
    }

    /** Every "he", "said" and "he said" as whole words, the way a colleague marks attributions. */
    private static List<int[]> shortQuotes(String text) {
        List<int[]> spans = new ArrayList<>();
        for (String quote : List.of("he", "said", "he said")) {
            Matcher words = Pattern.compile("\\b" + quote + "\\b").matcher(text);
            while (words.find()) {
                spans.add(new int[] {words.start(), words.end()});
            }
        }
        return spans;
    }

    private Path project(String name, String text, List<int[]> spans) {
        ObjectNode side = Fixtures.JSON.createObjectNode();
        ObjectNode document = side.putArray("documents").addObject();
        document.put("title", "Convoy");
        document.put("text", text);
        ArrayNode annotations = document.putArray("annotations");
        for (int[] span : spans) {
            annotations.addObject().put("label", "attribution").put("start", span[0]).put("end", span[1])
                    .put("quote", text.substring(span[0], span[1]));
        }
        return Fixtures.project(dir.resolve(name + ".factspan"), side, name);
    }
}
