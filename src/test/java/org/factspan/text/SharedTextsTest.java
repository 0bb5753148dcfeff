package org.factspan.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.factspan.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the real articles and long speeches in the shared folder; the expected values were computed with Python. */
class SharedTextsTest {

    @ParameterizedTest
    @CsvSource({
            "000_cf6e1beb37eba1d1, 3155, dcf053d84e6cf0bf1b86e2b5c9f3c46ce76c89035751ba9cc5109b1fa3123763",
            "001_bd3f3987a620d1ba, 19944, de9a6d12873818e5525c1d4b1acc344b5bc67480425dff14d6c2e52bb2034202",
            "003_94a362b9198120d3, 7092, 92cd797f4d3bed65414a8cbdbf2f0d14d07c68b3bc745f52a6aded797bd356a7"})
    void readsTheSeedArticlesUnchanged(String title, int codePoints, String sha256) throws IOException {
        Path file = SharedFixtures.shared().resolve("seeds").resolve(title + ".txt");

        Article article = ArticleReader.read(file);

        assertEquals(title, article.title());
        assertEquals(UTF_8, article.encoding());
        assertEquals(Files.readString(file, UTF_8), article.text());
        assertEquals(codePoints, article.text().codePointCount(0, article.text().length()));
        assertEquals(sha256, article.sha256());
    }

    @ParameterizedTest
    @CsvSource({
            "1946_harry_s_truman_d, 173898, 3651b863c601fe9d78fdbc781a822c3e180fbe56f92830e0f9d886a6d2b3e241",
            "2021_joseph_r_biden_d, 46908, d14e37b00a653b43edec117252b5534cdb704fa76c44eaa03272f561433d8e39"})
    void readsALongSpeechOnOneLine(String title, int codePoints, String sha256) {
        Article article = ArticleReader.read(speeches().resolve(title + ".txt"));

        assertEquals(codePoints, article.text().codePointCount(0, article.text().length()));
        assertEquals(article.text().length() - 1, article.text().indexOf('\n'), "one line, ended by its only LF");
        assertEquals(sha256, article.sha256());
    }

    @Test
    void readsTheSameSpeechAsTheJsonRecordOfIt() throws IOException {
        String json = new ObjectMapper().readTree(speeches().resolve("2021_joseph_r_biden_d.json").toFile())
                .get("text").asText();

        Article article = ArticleReader.read(speeches().resolve("2021_joseph_r_biden_d.txt"));

        assertEquals(json + "\n", article.text());
    }

    private static Path speeches() {
        return SharedFixtures.shared().resolve("fixtures/external/long-texts-sotu");
    }
}
