package org.factspan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.factspan.RefusalContract;
import org.factspan.model.FactSpanException;

/**
 * Fuzzes the decoding of an article's bytes, the first thing every import does with a file nobody checked.
 *
 * <p>Under {@code mvn verify} this replays {@code ArticleReaderFuzzTestInputs/read/} (and the empty input); with
 * {@code JAZZER_FUZZ=1} Jazzer mutates those seeds (docs/reliability.md, "Fuzzing").
 */
class ArticleReaderFuzzTest {

    private static final String NAME = "article.txt";

    @FuzzTest(maxDuration = "10m")
    void read(byte[] bytes) {
        Article article;
        try {
            article = ArticleReader.read(NAME, bytes);
        } catch (FactSpanException refusal) {
            RefusalContract.assertOneSentence(refusal, bytes);
            assertTrue(refusal.getMessage().contains(NAME), () -> "a refusal that does not name the file: "
                    + refusal.getMessage());
            return;
        }
        String text = article.text();
        assertFalse(text.isEmpty(), "an accepted article without text");
        assertFalse(text.indexOf('\r') >= 0, "a carriage return survived line-end normalization");
        assertFalse(text.indexOf('\0') >= 0, "an accepted article holds NUL, which no text does");
        assertEquals(Sha256.hex(text), article.sha256());
        assertEquals("article", article.title());
        assertEquals(text, ArticleReader.read(NAME, bytes).text(), "reading the same bytes twice differs");
        // Decoding is strict, so every character came from the file and maps back into the file's encoding.
        assertTrue(article.encoding().newEncoder().canEncode(text),
                "the text holds a character its own encoding cannot hold, so a byte was replaced");
    }
}
