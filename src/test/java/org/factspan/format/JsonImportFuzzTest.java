package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.factspan.FactSpanJsonDictionary;
import org.factspan.RefusalContract;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Provenance;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the FactSpan JSON importer: any bytes end in an import or in one sentence, and a refused file leaves the
 * project exactly as it was.
 *
 * <p>Every input meets the same project: the default labels and one annotated document, so that merging into a
 * document the project has and clashing with an annotation id it holds are reachable. Creating a project takes far
 * longer than an import, so one copy serves every input the importer refuses (which is the point of checking that a
 * refusal leaves it unchanged) and is replaced only after an input that was imported.
 *
 * <p>Under {@code mvn verify} this replays {@code JsonImportFuzzTestInputs/importFrom/}; fuzzing is described in
 * docs/reliability.md, "Fuzzing".
 */
class JsonImportFuzzTest {

    private static final String NAME = "colleague.json";
    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    private static final JsonImporter IMPORTER = new JsonImporter(Clock.fixed(NOW, ZoneOffset.UTC));
    /** The text of the project's own document; the seeds merge into it and clash with its annotation "a-base". */
    static final String BASE_TEXT = "\uD83D\uDCA5 Mr Budanov said Russia helped Hamas.\nБуданов: Россия помогла ХАМАС.";

    @TempDir
    static Path folder;
    private static Path template;
    private static ProjectStore project;
    private static int projects;

    @FactSpanJsonDictionary
    @FuzzTest(maxDuration = "10m")
    void importFrom(byte[] bytes) {
        ProjectStore store = project();
        Content before = Content.of(store);
        ImportResult result;
        try {
            result = IMPORTER.importFrom(new ByteArrayInputStream(bytes), NAME, store);
        } catch (FactSpanException refusal) {
            RefusalContract.assertOneSentence(refusal, bytes);
            assertEquals(before, Content.of(store), "a refused import changed the project");
            return;
        }
        Content after = Content.of(store);
        // The promise the class comment of JsonImporter makes: importing a file a second time changes nothing.
        ImportResult again = IMPORTER.importFrom(new ByteArrayInputStream(bytes), NAME, store);
        assertEquals(0, again.labelsAdded() + again.documentsAdded() + again.annotationsAdded(),
                () -> "a second import of the same file added something: " + again + " after " + result);
        assertEquals(after, Content.of(store), "a second import of the same file changed the project");
        retire();
    }

    /** The project for the next input, a fresh copy of the template whenever the last input was imported. */
    private static ProjectStore project() {
        if (project == null) {
            try {
                if (template == null) {
                    template = createTemplate(folder.resolve("template" + ProjectStore.EXTENSION));
                }
                Path copy = folder.resolve("project-" + projects++ + ProjectStore.EXTENSION);
                Files.copy(template, copy);
                project = ProjectStore.open(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return project;
    }

    private static Path createTemplate(Path file) {
        try (ProjectStore store = ProjectStore.create(file)) {
            Instant created = Instant.parse("2026-11-21T08:30:00Z");
            Document document = store.addDocumentIfAbsent(new Document("doc-base", "Budanov", null,
                    Sha256.hex(BASE_TEXT), BASE_TEXT, Instant.parse("2026-11-20T09:00:00Z")));
            String quote = "Russia helped Hamas";
            int start = BASE_TEXT.codePointCount(0, BASE_TEXT.indexOf(quote));
            int end = start + quote.codePointCount(0, quote.length());
            store.insert(new Annotation("a-base", document.id(), "claim", start, end, quote, "alice", created,
                    Instant.parse("2026-11-21T08:45:12.345Z"), null));
        }
        // Closing the last connection checkpoints the log into the file, so the file alone is the whole project.
        return file;
    }

    private static void retire() {
        Path file = project.path();
        project.close();
        project = null;
        deleteProjectFiles(file);
    }

    private static void deleteProjectFiles(Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed before JUnit deletes the folder, which it does after every {@code @AfterAll}. */
    @AfterAll
    static void closeProject() {
        if (project != null) {
            project.close();
            project = null;
        }
        template = null;
    }

    /** Everything an import can write: labels, documents, annotations, their provenance and comments. */
    private record Content(Fixtures.Snapshot snapshot, Map<String, Map<String, Provenance>> provenance,
                           Map<String, List<Comment>> comments) {

        static Content of(ProjectStore store) {
            Map<String, Map<String, Provenance>> provenance = new LinkedHashMap<>();
            Map<String, List<Comment>> comments = new LinkedHashMap<>();
            for (DocumentSummary document : store.documents()) {
                provenance.put(document.id(), store.provenance(document.id()));
                comments.put(document.id(), store.comments(document.id()));
            }
            return new Content(Fixtures.Snapshot.of(store), provenance, comments);
        }
    }
}
