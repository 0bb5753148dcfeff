package org.factspan.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.factspan.model.Annotation;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.Span;
import org.factspan.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's view model, without a window: every action as the keyboard would trigger it. */
class WorkbenchTest {

    private static final String BUDANOV = "Mr Budanov said Russia helped Hamas. The Kremlin denied it.\n";
    private static final String SECOND = "Officials said 💥 drones were used.\n";

    @TempDir
    Path dir;

    private Workbench workbench;
    private Path first;
    private Path second;

    @BeforeEach
    void setUp() throws Exception {
        first = Files.writeString(dir.resolve("budanov.txt"), BUDANOV);
        second = Files.writeString(dir.resolve("drones.txt"), SECOND);
        workbench = new Workbench(Tasks.inline(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
                "alice");
        workbench.openProject(dir.resolve("p.factspan"));
        List<String> problems = new ArrayList<>();
        workbench.importArticles(List.of(first, second), problems::addAll);
        assertEquals(List.of(), problems);
        workbench.openDocument(byTitle("budanov"));
    }

    @AfterEach
    void tearDown() {
        workbench.closeProject();
    }

    @Test
    void taggingSelectsTheNewAnnotationAndCountsIt() {
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        assertEquals("Russia helped Hamas", claim.quote());
        assertEquals(claim, workbench.selected());
        assertEquals(1, workbench.counts().get("claim"));
        assertEquals("Saved", workbench.saveStateProperty().get());
        assertEquals("Undo add claim", workbench.undoTextProperty().get());
        assertEquals(1, workbench.documents().stream().filter(d -> d.title().equals("budanov"))
                .findFirst().orElseThrow().annotations());
    }

    @Test
    void overlappingSpansAreKeptInReadingOrder() {
        workbench.tag("claim", 16, 35);
        workbench.tag("attribution", 0, 10);
        workbench.tag("evidence", 3, 22);
        assertEquals(List.of("attribution", "evidence", "claim"),
                workbench.annotations().stream().map(Annotation::label).toList());
    }

    @Test
    void aDuplicateIsRefusedWithASentenceAndNothingChanges() {
        workbench.tag("claim", 16, 35);
        assertTrue(workbench.tag("claim", 16, 35).isEmpty());
        assertTrue(workbench.messageProperty().get().startsWith("The document already has a claim annotation"));
        assertEquals(1, workbench.annotations().size());
        assertEquals("Saved", workbench.saveStateProperty().get());
    }

    @Test
    void relabelNoteAndDeleteActOnTheSelection() {
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.relabelSelected("denial");
        assertEquals("denial", workbench.selected().label());
        workbench.changeNoteOfSelected("check the source");
        assertEquals("check the source", workbench.selected().note());
        workbench.deleteSelected();
        assertTrue(workbench.annotations().isEmpty());
        assertNull(workbench.selected());
        assertEquals(new Span(16, 35), workbench.revealProperty().get());
        workbench.undo();
        assertEquals(claim.id(), workbench.selected().id());
        assertEquals("check the source", workbench.selected().note());
    }

    @Test
    void aCommentOnTheSelectedAnnotationIsKeptAndUndoable() {
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.commentOnSelected("  Which drones?  ");
        assertEquals(claim, workbench.selected(), "a comment keeps the selection");
        assertEquals(List.of("Which drones?"), workbench.commentsOn(claim.id()).stream().map(c -> c.text()).toList());
        assertEquals("alice", workbench.commentsOn(claim.id()).get(0).author());
        assertEquals("Undo comment", workbench.undoTextProperty().get());
        workbench.undo();
        assertTrue(workbench.commentsOn(claim.id()).isEmpty());
    }

    @Test
    void aBlankCommentIsRefusedWithOneSentenceAndNothingToUndo() {
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.commentOnSelected(" \n ");
        assertEquals("A comment needs some text.", workbench.messageProperty().get());
        assertTrue(workbench.commentsOn(claim.id()).isEmpty());
        assertEquals("Undo add claim", workbench.undoTextProperty().get());
    }

    @Test
    void movingTheBoundaryOfTheSelectedAnnotationFollowsTheQuoteAndUndoes() {
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        Annotation moved = workbench.moveBoundaryOfSelected(16, 22).orElseThrow();
        assertEquals("Russia", moved.quote());
        assertEquals(claim.id(), moved.id());
        assertEquals("Undo resize claim", workbench.undoTextProperty().get());
        workbench.undo();
        assertEquals(claim, workbench.selected());
    }

    @Test
    void anUnchangedNoteIsNoEdit() {
        workbench.tag("claim", 16, 35);
        workbench.changeNoteOfSelected(null);
        assertEquals("Undo add claim", workbench.undoTextProperty().get());
    }

    @Test
    void undoFollowsTheEditIntoItsDocument() {
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.openDocument(byTitle("drones"));
        assertTrue(workbench.annotations().isEmpty());
        workbench.undo();
        assertEquals("budanov", workbench.document().title());
        assertTrue(workbench.annotations().isEmpty());
        workbench.redo();
        assertEquals(List.of(claim), workbench.annotations());
        assertEquals(claim, workbench.selected());
        assertEquals("Undo add claim", workbench.undoTextProperty().get());
        assertFalse(workbench.canRedoProperty().get());
    }

    @Test
    void tabOrderStepsThroughVisibleAnnotationsAndWraps() {
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        Annotation denial = workbench.tag("denial", 37, 58).orElseThrow();
        workbench.select(null);
        workbench.selectNext(12);
        assertEquals(claim, workbench.selected());
        workbench.selectNext(0);
        assertEquals(denial, workbench.selected());
        workbench.selectNext(0);
        assertEquals(who, workbench.selected());
        workbench.hiddenLabels().add("denial");
        workbench.selectPrevious(0);
        assertEquals(claim, workbench.selected());
    }

    @Test
    void emojiOffsetsAreCodePoints() {
        workbench.openDocument(byTitle("drones"));
        Annotation drones = workbench.tag("evidence", 17, 23).orElseThrow();
        assertEquals("drones", drones.quote());
    }

    @Test
    void aBadFileIsReportedByNameAndTheOthersImport() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path good = Files.writeString(dir.resolve("good.txt"), "A good article.\n");
        List<String> problems = new ArrayList<>();
        workbench.importArticles(List.of(empty, good), problems::addAll);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("empty.txt"), problems.get(0));
        assertEquals(3, workbench.documents().size());
        assertEquals("good", workbench.document().title());
    }

    @Test
    void reopeningTheProjectFindsEverything() {
        workbench.tag("claim", 16, 35);
        workbench.tag("attribution", 0, 10);
        workbench.closeProject();
        workbench.openProject(dir.resolve("p.factspan"));
        workbench.openDocument(byTitle("budanov"));
        assertEquals(2, workbench.annotations().size());
    }

    @Test
    void aLinkFromTheSelectionIsListedKeepsTheSelectionAndUndoes() {
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.select(who);
        Link source = workbench.linkSelected("source", claim.id()).orElseThrow();
        assertEquals(List.of(source), workbench.links());
        assertEquals(List.of(source), workbench.linksOf(claim.id()));
        assertEquals(who, workbench.selected());
        assertEquals("Undo link source", workbench.undoTextProperty().get());
        workbench.undo();
        assertTrue(workbench.links().isEmpty());
        workbench.redo();
        assertEquals(List.of(source), workbench.links());
        workbench.deleteLink(source.id());
        assertTrue(workbench.links().isEmpty());
        assertEquals("Undo delete source link", workbench.undoTextProperty().get());
        workbench.undo();
        assertEquals(List.of(source), workbench.links());
    }

    @Test
    void aLinkTheRulesForbidIsRefusedWithASentenceAndNothingChanges() {
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.select(who);
        assertTrue(workbench.linkSelected("supports", claim.id()).isEmpty());
        assertTrue(workbench.messageProperty().get().startsWith("A supports link goes evidence -> claim"),
                workbench.messageProperty().get());
        assertTrue(workbench.links().isEmpty());
        assertEquals("Undo add claim", workbench.undoTextProperty().get());
    }

    @Test
    void deletingAnAnnotationDropsItsLinksAndUndoBringsThemBack() {
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        Annotation denial = workbench.tag("denial", 37, 58).orElseThrow();
        workbench.select(who);
        Link source = workbench.linkSelected("source", claim.id()).orElseThrow();
        workbench.select(denial);
        Link disputes = workbench.linkSelected("disputes", claim.id()).orElseThrow();
        workbench.select(claim);
        workbench.deleteSelected();
        assertTrue(workbench.links().isEmpty());
        workbench.undo();
        assertEquals(java.util.Set.of(source, disputes), java.util.Set.copyOf(workbench.links()));
        assertEquals(workbench.project().orElseThrow().links(claim.documentId()), workbench.links(),
                "the store's order (created, then id), whatever order undo wrote them in");
        assertEquals(claim, workbench.selected());
    }

    @Test
    void theLinkListFollowsTheOpenDocumentAndUndoAcrossDocuments() {
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        workbench.select(who);
        Link source = workbench.linkSelected("source", claim.id()).orElseThrow();
        workbench.openDocument(byTitle("drones"));
        assertTrue(workbench.links().isEmpty());
        workbench.undo();
        assertEquals("budanov", workbench.document().title());
        assertTrue(workbench.links().isEmpty());
        workbench.redo();
        assertEquals(List.of(source), workbench.links());
        workbench.openDocument(byTitle("drones"));
        workbench.openDocument(byTitle("budanov"));
        assertEquals(List.of(source), workbench.links());
    }

    @Test
    void linksAnotherProgramCommittedAppearWhenTheWindowLooks() {
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        Workbench other = new Workbench(Tasks.inline(), Clock.systemUTC(), "bob");
        other.openProjectReadOnly(dir.resolve("p.factspan"), "Alice is editing it.");
        other.openDocument(byTitle("budanov"));
        try {
            workbench.select(who);
            Link source = workbench.linkSelected("source", claim.id()).orElseThrow();
            other.followOutsideChanges();
            assertEquals(List.of(source), other.links());
            workbench.undo();
            other.followOutsideChanges();
            assertTrue(other.links().isEmpty());
        } finally {
            other.closeProject();
        }
    }

    @Test
    void linkTypesAndTargetsFollowTheRules() {
        assertEquals(List.of("supports", "refutes"),
                workbench.linkTypesFor("evidence", "claim").stream().map(LinkType::name).toList());
        assertEquals(List.of(), workbench.linkTypesFor("claim", "evidence"));
        Annotation who = workbench.tag("attribution", 0, 10).orElseThrow();
        Annotation claim = workbench.tag("claim", 16, 35).orElseThrow();
        Annotation denial = workbench.tag("denial", 37, 58).orElseThrow();
        workbench.tag("evidence", 3, 22);
        workbench.select(who);
        assertEquals(List.of(claim, denial), workbench.linkTargetsOfSelected());
        workbench.select(claim);
        assertEquals(List.of(), workbench.linkTargetsOfSelected());
    }

    private String byTitle(String title) {
        return workbench.documents().stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow().id();
    }
}
