package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.factspan.model.FactSpanException;
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
