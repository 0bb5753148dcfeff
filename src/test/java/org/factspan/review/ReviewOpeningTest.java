package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.factspan.model.FactSpanException;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a colleague's file for review: what pairs, what is refused, and that their file is never touched. */
class ReviewOpeningTest {

    private static final String ARTICLE = "Mr Budanov said Russia helped Hamas. The ministry denied it on Monday"
            + " and called the report false, citing records from the port authority.";

    @TempDir
    Path dir;

    @Test
    void theColleaguesFileIsLeftByteForByteAsItWas() throws Exception {
        Path mine = project("mine", "Budanov", ARTICLE);
        Path theirs = project("theirs", "Budanov", ARTICLE.replace("denied", "rejected"));
        byte[] before = Files.readAllBytes(theirs);
        List<Path> filesBefore = files();

        Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs));

        assertArrayEquals(before, Files.readAllBytes(theirs));
        assertEquals(filesBefore, files(), "no -wal or -shm file appears beside the colleague's project");
    }

    @Test
    void myOwnFileIsRefused() throws Exception {
        Path mine = project("mine", "Budanov", ARTICLE);

        FactSpanException e = assertThrows(FactSpanException.class,
                () -> Review.compare(ReviewSide.open(mine), ReviewSide.open(dir.resolve(".").resolve("mine.factspan"))));

        assertEquals(dir.resolve(".").resolve("mine.factspan")
                + " is your own project; choose a colleague's file to review.", e.getMessage());
    }

    @Test
    void aFileSharingNoDocumentIsRefused() throws Exception {
        Path mine = project("mine", "Budanov", ARTICLE);
        Path theirs = project("theirs", "Weather", "Rain is expected in Lviv on Tuesday, with storms in the west.");

        FactSpanException e = assertThrows(FactSpanException.class,
                () -> Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs)));

        assertEquals(theirs + " shares no document with your project: none of its texts is the same as, or similar"
                + " enough to, one of yours.", e.getMessage());
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedInOneSentence() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.factspan"), "my notes, not a project\n");

        FactSpanException e = assertThrows(FactSpanException.class, () -> ReviewSide.open(notes));

        assertEquals(notes + " is not a FactSpan project (it is not an SQLite database).", e.getMessage());
    }

    @Test
    void aProjectFromANewerFactSpanIsRefusedAndLeftAsItWas() throws Exception {
        Path theirs = project("theirs", "Budanov", ARTICLE);
        byte[] bytes = Files.readAllBytes(theirs);
        ByteBuffer.wrap(bytes).putInt(60, 99);
        Files.write(theirs, bytes);

        FactSpanException e = assertThrows(FactSpanException.class, () -> ReviewSide.open(theirs));

        assertEquals(1, e.getMessage().lines().count());
        assertArrayEquals(bytes, Files.readAllBytes(theirs));
    }

    @Test
    void theSameTextPairsUnderAnotherTitle() throws Exception {
        Review review = Review.compare(ReviewSide.open(project("mine", "Budanov", ARTICLE)),
                ReviewSide.open(project("theirs", "Interview with Budanov", ARTICLE)));

        assertEquals(1, review.documents().size());
    }

    @Test
    void aCorrectedCopyUnderAnotherTitlePairsWhenItIsClearlyTheSameText() throws Exception {
        String corrected = ARTICLE.replace("Monday", "Tuesday");

        Review review = Review.compare(ReviewSide.open(project("mine", "Budanov", ARTICLE)),
                ReviewSide.open(project("theirs", "Budanov (corrected)", corrected)));

        assertEquals(corrected, review.documents().get(0).theirs().text());
    }

    @Test
    void anUnrelatedArticleUnderTheSameTitleStaysUnpaired() throws Exception {
        Path mine = Fixtures.project(dir.resolve("mine.factspan"), side(
                doc("Budanov", ARTICLE), doc("Update", "The ministry will brief reporters at noon in Kyiv.")), "me");
        Path theirs = Fixtures.project(dir.resolve("theirs.factspan"), side(
                doc("Budanov", ARTICLE), doc("Update", "Heavy rain closed two roads near Odesa overnight.")), "them");

        Review review = Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs));

        assertEquals(1, review.documents().size());
        assertEquals("Heavy rain closed two roads near Odesa overnight.", review.unpaired().get(0).text());
    }

    @Test
    void aColleaguesJsonWithCrlfLineEndsIsReviewedWithItsOffsetsCarriedOntoTheLfText() throws Exception {
        String lf = "Kyiv, 3 May.\nMr Budanov said Russia helped\nHamas.\n\nThe ministry denied it on Monday.";
        String crlf = lf.replace("\n", "\r\n");
        Path mine = Fixtures.project(dir.resolve("mine.factspan"), side("{\"title\": \"Budanov\", \"text\": "
                + Fixtures.JSON.writeValueAsString(lf) + ", \"annotations\": [{\"label\": \"claim\", \"start\": 29,"
                + " \"end\": 48, \"quote\": \"Russia helped\\nHamas\"}]}"), "me");
        Path theirs = Files.writeString(dir.resolve("theirs.json"), export(crlf, List.of(
                annotation(crlf, "claim", "Russia helped\r\nHamas"),
                annotation(crlf, "denial", "denied"),
                annotation(crlf, "attribution", "Hamas.\r"))));

        Review.ReviewedDocument document = Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs))
                .documents().get(0);

        assertEquals(lf, document.theirs().text(), "their text has LF line ends, so it pairs with mine by SHA-256");
        assertEquals(List.of(), document.orphans());
        assertEquals(List.of(
                "agree claim [29, 48) Russia helped\nHamas",
                "only_theirs attribution [43, 49) Hamas.",
                "only_theirs denial [64, 70) denied"),
                document.differences().stream().map(d -> d.category().key() + " " + d.theirs().label() + " "
                        + d.theirs().span() + " " + d.theirs().quote()).toList());
    }

    @Test
    void aColleaguesCrlfJsonWhoseQuoteIsNotAtItsOffsetsIsRefusedAsAnImportRefusesIt() throws Exception {
        String crlf = "Kyiv, 3 May.\r\nMr Budanov said Russia helped Hamas.";
        Path mine = project("mine", "Budanov", crlf.replace("\r\n", "\n"));
        String shifted = "{\"id\": \"a-1\", \"label\": \"claim\", \"start\": 28, \"end\": 47,"
                + " \"quote\": \"Russia helped Hamas\", \"annotator\": \"bob\", \"created\": \"2026-05-03T10:00:00Z\","
                + " \"modified\": \"2026-05-03T10:00:00Z\", \"note\": null}";
        Path theirs = Files.writeString(dir.resolve("theirs.json"), export(crlf, List.of(shifted)));

        FactSpanException e = assertThrows(FactSpanException.class,
                () -> Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs)));

        assertEquals("In " + theirs + ", document \"Budanov\" (d-1): Annotation a-1 quotes \"Russia helped Hamas\""
                + " but the text at [28, 47) is \" Russia helped Hama\".", e.getMessage());
    }

    @Test
    void aColleaguesProjectWithACrlfTextFromAnEarlierFactSpanIsReAnchoredExactly() throws Exception {
        String lf = "Kyiv, 3 May.\nMr Budanov said\nRussia helped Hamas.";
        String crlf = lf.replace("\n", "\r\n");

        Review.ReviewedDocument document = Review.compare(ReviewSide.open(project("mine", "Budanov", lf)),
                ReviewSide.open(project("theirs", "Budanov", crlf))).documents().get(0);

        assertEquals(crlf, document.theirs().text(), "a project's text is read as it is stored");
        assertEquals("agree [29, 48)", document.differences().get(0).category().key() + " "
                + document.differences().get(0).theirs().span());
    }

    private static String export(String text, List<String> annotations) throws Exception {
        return """
                {"format": "factspan", "version": 1, "exported": "2026-05-03T10:00:00Z",
                 "labels": [{"name": "claim", "color": "#E69F00"}, {"name": "denial", "color": "#56B4E9"},
                            {"name": "attribution", "color": "#009E73"}],
                 "documents": [{"id": "d-1", "title": "Budanov", "source": null, "sha256": "%s", "text": %s,
                                "annotations": [%s]}]}
                """.formatted(Sha256.hex(text), Fixtures.JSON.writeValueAsString(text),
                String.join(", ", annotations));
    }

    /** Their annotation of the first {@code quote} in {@code text}, offsets counted on that text as it is. */
    private static String annotation(String text, String label, String quote) throws Exception {
        int start = text.codePointCount(0, text.indexOf(quote));
        return Fixtures.JSON.writeValueAsString(Map.of("id", "a-" + label, "label", label, "start", start,
                "end", start + quote.codePointCount(0, quote.length()), "quote", quote, "annotator", "bob",
                "created", "2026-05-03T10:00:00Z", "modified", "2026-05-03T10:00:00Z")).replace("}", ", \"note\": null}");
    }

    private Path project(String name, String title, String text) throws Exception {
        return Fixtures.project(dir.resolve(name + ".factspan"), side(doc(title, text)), name);
    }

    private static String side(String... documents) {
        return "{\"documents\": [" + String.join(",", documents) + "]}";
    }

    private static String doc(String title, String text) throws Exception {
        int start = text.indexOf("Russia");
        String annotations = start < 0 ? "[]" : "[{\"label\": \"claim\", \"start\": " + start + ", \"end\": "
                + (start + 19) + ", \"quote\": \"Russia helped Hamas\"}]";
        return "{\"title\": " + Fixtures.JSON.writeValueAsString(title) + ", \"text\": "
                + Fixtures.JSON.writeValueAsString(text) + ", \"annotations\": " + annotations + "}";
    }

    private List<Path> files() throws java.io.IOException {
        try (var listing = Files.list(dir)) {
            return listing.sorted().toList();
        }
    }
}
