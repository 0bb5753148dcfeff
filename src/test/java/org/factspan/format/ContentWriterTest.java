package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.ProjectContent;
import org.factspan.model.ProjectContent.DocumentContent;
import org.factspan.model.Provenance;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content that no FactSpan JSON file produced, as another format's reader will hand it over. */
class ContentWriterTest {

    private static final String TEXT = "Mr Budanov said Russia helped Hamas.";

    @TempDir
    Path folder;

    @Test
    void contentFromAnyReaderIsMergedWithProvenanceAndATextHeldTwiceBecomesOneDocument() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            ImportResult result = ContentWriter.write(TWO_COPIES, "brat folder", store);

            assertEquals(new ImportResult(1, 1, 1, 2, 0, 1, 0), result);
            assertEquals(List.of("a-3", "a-1"), store.annotations("d-1").stream().map(Annotation::id).toList());
            assertEquals(PROVENANCE, store.provenanceOf("a-3").orElseThrow());
        }
    }

    @Test
    void asANewProjectItHoldsWhatTheImportWouldWithoutAProject() {

        ProjectContent merged = ContentWriter.asNewProject(TWO_COPIES, "brat folder");

        assertEquals("rumour", merged.labels().get(merged.labels().size() - 1).name());
        assertEquals(1, merged.documents().size());
        assertEquals(List.of("a-3 on d-1", "a-1 on d-1"), merged.documents().get(0).annotations().stream()
                .map(a -> a.id() + " on " + a.documentId()).toList());
    }

    @Test
    void aLabelNeitherTheContentNorTheProjectHasIsRefusedNamingTheAnnotation() {
        ProjectContent content = new ProjectContent(List.of(), List.of(
                copy("d-1", annotation("a-1", "d-1", "satire", 3, 10, "Budanov"))));
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            FactSpanException e = assertThrows(FactSpanException.class,
                    () -> ContentWriter.write(content, "brat folder", store));

            assertEquals("In brat folder, document \"Copy d-1\" (d-1), annotation a-1 has the label \"satire\", which"
                    + " neither the file's labels nor the project has.", e.getMessage());
            assertEquals(List.of(), store.documents());
        }
    }

    private static final Provenance PROVENANCE = new Provenance("theirs.json", "alice", Fixtures.CREATED);

    /** One text twice, under two ids; the second copy repeats the first's claim under another id. */
    private static final ProjectContent TWO_COPIES = new ProjectContent(List.of(new Label("rumour", "#F0E442", 0)),
            List.of(copy("d-1", annotation("a-1", "d-1", "claim", 16, 35, "Russia helped Hamas")),
                    copy("d-2", annotation("a-2", "d-2", "claim", 16, 35, "Russia helped Hamas"),
                            annotation("a-3", "d-2", "rumour", 3, 10, "Budanov"))));

    private static DocumentContent copy(String id, Annotation... annotations) {
        return new DocumentContent(new Document(id, "Copy " + id, null, Sha256.hex(TEXT), TEXT, Fixtures.IMPORTED),
                List.of(annotations), Map.of("a-3", PROVENANCE), List.of());
    }

    private static Annotation annotation(String id, String documentId, String label, int start, int end,
                                         String quote) {
        return new Annotation(id, documentId, label, start, end, quote, "bob", Fixtures.CREATED, Fixtures.MODIFIED,
                null);
    }
}
