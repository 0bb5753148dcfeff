package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.factspan.FactSpanJsonDictionary;
import org.factspan.RefusalContract;
import org.factspan.model.Annotation;
import org.factspan.model.FactSpanException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes reading a colleague's FactSpan JSON export for review, the path that goes through a temporary project.
 *
 * <p>The colleague's file is theirs: whatever it holds, reading it must not change it nor leave anything beside it,
 * and what is read must be a side the comparison can trust (every annotation's quote is its document's text at its
 * offsets, on a label the side lists).
 *
 * <p>Under {@code mvn verify} this replays {@code ReviewSideFuzzTestInputs/openExport/}; fuzzing is described in
 * docs/reliability.md, "Fuzzing".
 */
class ReviewSideFuzzTest {

    @TempDir
    static Path folder;

    @FactSpanJsonDictionary
    @FuzzTest(maxDuration = "10m")
    void openExport(byte[] bytes) throws IOException {
        Path file = folder.resolve("colleague.json");
        Files.write(file, bytes);
        try {
            ReviewSide side = ReviewSide.open(file);
            assertEquals(file, side.origin());
            for (SideDocument document : side.documents()) {
                for (Annotation annotation : document.annotations()) {
                    annotation.checkAgainst(document.document().index());
                    assertTrue(side.labels().contains(annotation.label()),
                            () -> "annotation " + annotation.id() + " has a label the side does not list");
                }
            }
        } catch (FactSpanException refusal) {
            RefusalContract.assertOneSentence(refusal, bytes);
        }
        assertArrayEquals(bytes, Files.readAllBytes(file), "reading the colleague's file changed it");
        try (Stream<Path> beside = Files.list(folder)) {
            assertEquals(List.of(file), beside.toList(), "reading the colleague's file left files beside it");
        }
    }

}
