package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileKindTest {

    @ParameterizedTest
    @CsvSource({
            "news.txt, ARTICLE",
            "NEWS.TXT, ARTICLE",
            "/data/2026/report.Txt, ARTICLE",
            "bob.json, EXPORT",
            "exports/bob-2026-12-02.JSON, EXPORT",
            "alice.factspan, PROJECT",
            "Alice.FactSpan, PROJECT",
            "notes.txt.json, EXPORT",
            "article.docx, OTHER",
            "txt, OTHER",
            "alice.factspan-wal, OTHER",
            "README, OTHER",
    })
    void theEndingOfTheNameDecidesInAnyCase(String file, FileKind kind) {
        assertEquals(kind, FileKind.of(Path.of(file)));
    }

    @Test
    void aPathWithoutAFileNameIsOther() {
        assertEquals(FileKind.OTHER, FileKind.of(Path.of("/")));
    }
}
