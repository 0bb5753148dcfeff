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
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;
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

    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.factspan"));
        doc = store.addDocumentIfAbsent(new Document("d1", "budanov", null, Sha256.hex(TEXT), TEXT, Instant.EPOCH));
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00.123456Z"), ZoneOffset.UTC);
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
}
