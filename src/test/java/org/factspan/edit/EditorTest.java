package org.factspan.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Timestamps;
import org.factspan.store.ProjectStore;
import org.factspan.store.StoreException;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorTest {

    private static final String TEXT = "💥 Mr Budanov said Russia helped Hamas.\nThe Kremlin denied it.";

    @TempDir
    Path dir;

    private ProjectStore store;
    private Editor editor;
    private Document doc;
    private final List<Edit> heard = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00.123456Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.factspan"));
        doc = store.addDocumentIfAbsent(new Document("d1", "budanov", null, Sha256.hex(TEXT), TEXT, Instant.EPOCH));
        editor = new Editor(store, "alice", clock, 3);
        editor.addListener((step, undone) -> heard.addAll(step.edits()));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void addingTagsCodePointOffsetsAndCommitsAtOnce() {
        Annotation a = editor.add(doc, "attribution", 2, 12);
        assertEquals("Mr Budanov", a.quote());
        assertEquals("alice", a.annotator());
        assertEquals(Instant.parse("2026-11-22T10:00:00.123Z"), a.created());
        try (ProjectStore other = ProjectStore.open(store.path())) {
            assertEquals(Optional.of(a), other.annotation(a.id()));
        }
    }

    @Test
    void undoingADeleteRestoresTheSameAnnotation() {
        Annotation a = editor.add(doc, "claim", 18, 39);
        editor.changeNote(a.id(), "check the drone claim");
        Annotation noted = store.annotation(a.id()).orElseThrow();
        editor.delete(a.id());
        assertTrue(store.annotation(a.id()).isEmpty());
        assertEquals("delete claim", editor.undoDescription().orElseThrow());
        editor.undo();
        assertEquals(Optional.of(noted), store.annotation(a.id()));
    }

    @Test
    void everyKindOfEditUndoesAndRedoes() {
        Annotation a = editor.add(doc, "claim", 18, 39);
        Annotation relabelled = editor.relabel(a.id(), "evidence");
        Annotation noted = editor.changeNote(a.id(), "source?");
        Annotation moved = editor.moveBoundary(a.id(), 18, 24);
        assertEquals("Russia", moved.quote());

        assertEquals(List.of("resize evidence", "edit note", "relabel claim as evidence"), undoAll(3));
        assertEquals(Optional.of(a), store.annotation(a.id()));
        editor.redo();
        assertEquals(Optional.of(relabelled), store.annotation(a.id()));
        editor.redo();
        assertEquals(Optional.of(noted), store.annotation(a.id()));
        editor.redo();
        assertEquals(Optional.of(moved), store.annotation(a.id()));
        assertFalse(editor.canRedo());
    }

    @Test
    void theStackKeepsOnlyTheNewestEditsUpToItsLimit() {
        editor.add(doc, "claim", 2, 4);
        editor.add(doc, "claim", 5, 12);
        editor.add(doc, "claim", 13, 17);
        editor.add(doc, "claim", 18, 24);
        assertEquals(3, undoAll(3).size());
        assertFalse(editor.canUndo());
        assertEquals(1, store.annotations("d1").size());
    }

    @Test
    void aNewEditClearsRedo() {
        Annotation a = editor.add(doc, "claim", 18, 39);
        editor.undo();
        assertTrue(editor.canRedo());
        editor.add(doc, "denial", 40, 61);
        assertFalse(editor.canRedo());
        assertTrue(store.annotation(a.id()).isEmpty());
    }

    @Test
    void aRefusedEditChangesNeitherTheFileNorTheStack() {
        editor.add(doc, "claim", 18, 39);
        assertThrows(FactSpanException.class, () -> editor.add(doc, "claim", 18, 39));
        assertThrows(FactSpanException.class, () -> editor.add(doc, "claim", 40, 400));
        assertThrows(FactSpanException.class, () -> editor.add(doc, "rumour", 0, 1));
        assertEquals("add claim", editor.undoDescription().orElseThrow());
        assertEquals(1, store.annotations("d1").size());
        assertEquals(1, heard.size());
    }

    @Test
    void aRelabelOntoAnExistingSpanIsRefused() {
        editor.add(doc, "claim", 18, 39);
        Annotation b = editor.add(doc, "denial", 18, 39);
        assertThrows(FactSpanException.class, () -> editor.relabel(b.id(), "claim"));
        assertEquals("denial", store.annotation(b.id()).orElseThrow().label());
    }

    @Test
    void listenersHearEditsUndosAndRedosWithTheAnnotationId() {
        Annotation a = editor.add(doc, "claim", 18, 39);
        editor.undo();
        editor.redo();
        assertEquals(3, heard.size());
        assertTrue(heard.stream().allMatch(e -> e.annotationId().equals(a.id()) && e.documentId().equals("d1")));
    }

    @Test
    void anUnchangedNoteIsNotAnEdit() {
        Annotation a = editor.add(doc, "claim", 18, 39);
        editor.changeNote(a.id(), "  ");
        assertEquals("add claim", editor.undoDescription().orElseThrow());
    }

    private List<String> undoAll(int max) {
        List<String> undone = new ArrayList<>();
        for (int i = 0; i < max && editor.canUndo(); i++) {
            undone.add(editor.undo().orElseThrow().description());
        }
        return undone;
    }

    @Test
    void undoAndRedoNeverWriteOverAChangeMadeOutsideThisEditorAndDropTheStaleStep() {
        Annotation tagged = editor.add(doc, "claim", 2, 12);
        editor.relabel(tagged.id(), "denial");
        try (ProjectStore otherStore = ProjectStore.open(store.path())) {
            Editor other = new Editor(otherStore, "bob");
            other.relabel(tagged.id(), "evidence");

            StoreException refused = assertThrows(StoreException.class, () -> editor.undo());
            assertEquals(StoreException.Kind.STALE, refused.kind());
            assertEquals("Cannot undo \"relabel claim as denial\": what it changes was changed outside this window"
                    + " since; the step is dropped.", refused.getMessage());
            assertEquals("evidence", store.annotation(tagged.id()).orElseThrow().label(), "bob's change stands");
            assertEquals(Optional.of("add claim"), editor.undoDescription(), "the stale step is gone, the older stays");
            assertFalse(editor.canRedo());

            other.undo();
            assertEquals("denial", store.annotation(tagged.id()).orElseThrow().label());
        }
    }

    @Test
    void aRedoOverAChangeMadeElsewhereIsRefusedAndDropped() {
        Annotation tagged = editor.add(doc, "claim", 2, 12);
        editor.undo();
        try (ProjectStore otherStore = ProjectStore.open(store.path())) {
            otherStore.insert(tagged.withLabel("claim", tagged.modified()));
        }
        StoreException refused = assertThrows(StoreException.class, () -> editor.redo());
        assertEquals(StoreException.Kind.STALE, refused.kind());
        assertFalse(editor.canRedo());
    }

    @Test
    void aReadOnlyProjectRefusesEveryEditWithItsReason() {
        store.close();
        store = ProjectStore.openReadOnly(dir.resolve("p.factspan"), "Another window is editing this project.");
        Editor reader = new Editor(store, "carol");
        StoreException refused = assertThrows(StoreException.class, () -> reader.add(doc, "claim", 2, 12));
        assertEquals(StoreException.Kind.READ_ONLY, refused.kind());
        assertEquals("Another window is editing this project.", refused.getMessage());
        assertFalse(reader.canUndo());
        assertEquals(List.of(), store.annotations(doc.id()));
    }

    @Test
    void aCommentIsMadeByTheAnnotatorNowWithItsTextStrippedAndABlankOneIsRefused() {
        Step step = editor.commenting(doc.id(), "a1", "  Which drones?\n");
        Comment comment = (Comment) step.changes().get(0).after();
        assertEquals(List.of("d1", "a1", "alice", Timestamps.now(clock), "Which drones?"), List.of(
                comment.documentId(), comment.target(), comment.author(), comment.created(), comment.text()));
        assertEquals("A comment needs some text.", assertThrows(FactSpanException.class,
                () -> editor.commenting(doc.id(), "a1", "   ")).getMessage());
    }
}
