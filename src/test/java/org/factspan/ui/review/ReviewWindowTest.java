package org.factspan.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.factspan.SharedFixtures;
import org.factspan.edit.Editor;
import org.factspan.format.ArticleImport;
import org.factspan.format.JsonExporter;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.Provenance;
import org.factspan.review.Difference;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.factspan.ui.Settings;
import org.factspan.ui.Tasks;
import org.factspan.ui.main.MainWindow;
import org.factspan.ui.workbench.Workbench;
import org.fxmisc.richtext.BorderPath;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review mode in the real window, headless under Monocle: alice (mine) reviews bob's file (theirs) with the
 * keyboard, as docs/review.md describes it. Every check reads the window's controls or the project file.
 */
class ReviewWindowTest {

    /** Short enough to know every offset; ASCII, so code points are chars are display offsets. */
    private static final String TEXT = "Mr Budanov said Russia helped Hamas. The Kremlin denied it on Monday,"
            + " citing satellite images.\n";
    private static final Instant IMPORTED = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Preferences prefs;
    private Settings settings;
    private Stage stage;
    private Workbench workbench;
    private MainWindow window;

    private Path mine;
    private Path theirs;
    /** Ids of the annotations in the two projects, by role. */
    private Annotation myAgree;
    private Annotation myClaim;
    private Annotation myDenial;
    private Annotation myEvidence;
    private Annotation bobAgree;
    private Annotation bobEvidence;
    private Annotation bobDenial;
    private Annotation bobKremlin;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("factspan-test-" + UUID.randomUUID());
        settings = new Settings(prefs);
        // Smaller than the headless screen (1280x800), so every control can be clicked.
        settings.put("width", 1240);
        settings.put("height", 780);
    }

    @AfterEach
    void tearDown() throws Exception {
        closeWindow();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w instanceof Stage s && w.isShowing() && s.getScene() != null
                    && s.getScene().getRoot() instanceof DialogPane) {
                robot.interact(s::close);
            }
        }
        prefs.removeNode();
        prefs.flush();
    }

    // ---- the scenario --------------------------------------------------------------------------------------------

    @Test
    void reviewTabShowsProgressAndDrawsTheirAnnotationsAsDashedBoxes() throws Exception {
        twoAnnotators();
        openWindow();
        reviewTheirs(theirs);

        Tab tab = reviewTab();
        assertNotNull(tab, "a Review tab opens beside the annotations");
        assertTrue(tab.isSelected());
        assertEquals("0 of 5 differences decided", progressText());
        assertEquals(5, listView().getItems().size());

        StyleClassedTextArea area = area();
        assertTheirsAt(area, bobEvidence, "theirs-2");   // evidence is the third label
        assertTheirsAt(area, bobKremlin, "theirs-3");    // attribution the fourth
        assertTheirsAt(area, bobDenial, "theirs-1");
        int onlyMine = TEXT.indexOf("satellite");
        assertFalse(styleAt(area, onlyMine).contains("theirs"), "nothing of bob's over my only-mine annotation");
        assertTrue(styleAt(area, onlyMine).stream().anyMatch(s -> s.startsWith("ann-")), "mine are drawn as usual");
    }

    @Test
    void f8StepsToTheNextDifferenceAndSelectsMineShiftF8GoesBack() throws Exception {
        twoAnnotators();
        openWindow();
        reviewTheirs(theirs);
        assertEquals(Difference.Category.AGREE, current().difference().category(), "opening shows the first one");

        focusList();
        press(KeyCode.F8);
        assertEquals(Difference.Category.LABEL_CONFLICT, current().difference().category());
        assertEquals(myClaim.id(), selectedId(), "my annotation of the difference is selected");
        assertEquals(current(), listView().getSelectionModel().getSelectedItem(), "the list follows");

        robot.push(KeyCode.SHIFT, KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Difference.Category.AGREE, current().difference().category());
        assertEquals(myAgree.id(), selectedId());

        focusArticle();
        press(KeyCode.F8);
        assertEquals(Difference.Category.LABEL_CONFLICT, current().difference().category(), "F8 in the article too");
    }

    @Test
    void decisionsByKeyEditMyProjectAndCountUndoForgetsTheLastAndProgressSurvivesReopening() throws Exception {
        twoAnnotators();
        byte[] theirsBefore = Files.readAllBytes(theirs);
        openWindow();
        reviewTheirs(theirs);
        focusList();
        String docId = fx(() -> workbench.document().id());

        // T on the label conflict: mine goes, bob's comes in with his name, and provenance says from where.
        goTo(Difference.Category.LABEL_CONFLICT);
        press(KeyCode.T);
        assertFalse(fx(() -> store().annotation(myClaim.id()).isPresent()), "my claim is deleted");
        Annotation accepted = fx(() -> store().annotation(bobEvidence.id()).orElseThrow());
        assertEquals("bob", accepted.annotator());
        assertEquals("evidence", accepted.label());
        Map<String, Provenance> provenance = fx(() -> store().provenance(docId));
        assertEquals(List.of(bobEvidence.id()), List.copyOf(provenance.keySet()));
        assertEquals("bob.factspan", provenance.get(bobEvidence.id()).acceptedFrom());
        assertEquals("alice", provenance.get(bobEvidence.id()).acceptedBy());
        assertEquals("1 of 5 differences decided", progressText());

        // K on only-theirs: bob's "The Kremlin" is not taken.
        goTo(Difference.Category.ONLY_THEIRS);
        press(KeyCode.K);
        assertFalse(fx(() -> store().annotation(bobKremlin.id()).isPresent()));
        assertEquals("2 of 5 differences decided", progressText());

        // X on only-mine: my evidence is deleted.
        goTo(Difference.Category.ONLY_MINE);
        press(KeyCode.X);
        assertFalse(fx(() -> store().annotation(myEvidence.id()).isPresent()));
        assertEquals("3 of 5 differences decided", progressText());

        // B on the boundary conflict: both denials.
        goTo(Difference.Category.BOUNDARY_CONFLICT);
        press(KeyCode.B);
        assertTrue(fx(() -> store().annotation(myDenial.id()).isPresent()));
        assertTrue(fx(() -> store().annotation(bobDenial.id()).isPresent()));
        assertEquals("4 of 5 differences decided", progressText());
        List<Annotation> beforeUndo = annotationsOf(docId);

        // Ctrl+Z undoes the last decision and forgets it.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 of 5 differences decided", progressText());
        assertTrue(fx(() -> store().annotation(myDenial.id()).isPresent()));
        assertFalse(fx(() -> store().annotation(bobDenial.id()).isPresent()), "bob's denial is gone again");
        assertEquals(beforeUndo.size() - 1, annotationsOf(docId).size());
        ReviewModel.Item boundary = item(Difference.Category.BOUNDARY_CONFLICT);
        assertTrue(fx(() -> model().decision(boundary)).isEmpty(), "the decision is forgotten");

        // C: a comment on the boundary conflict, typed into the dialog.
        goTo(Difference.Category.BOUNDARY_CONFLICT);
        focusList();
        press(KeyCode.C);
        DialogPane dialog = dialogPane();
        TextField field = robot.from(dialog).lookup(".text-field").queryAs(TextField.class);
        robot.interact(() -> {
            field.clear();
            field.requestFocus();
        });
        type("monday is not in the quote");
        press(KeyCode.ENTER);
        assertNull(findDialogPane(), "Enter confirms the dialog");
        List<Comment> comments = fx(() -> store().comments(docId));
        assertEquals(1, comments.size());
        assertEquals("monday is not in the quote", comments.get(0).text());
        assertEquals("alice", comments.get(0).author());
        assertEquals(myDenial.id(), comments.get(0).target(), "on my annotation of the difference");
        assertEquals("3 of 5 differences decided", progressText(), "a comment is no decision");

        // Decide All... > Accept all agreements.
        robot.clickOn("Decide All...");
        robot.clickOn("Accept all agreements");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4 of 5 differences decided", progressText());
        assertTrue(fx(() -> model().decision(item(Difference.Category.AGREE))).isPresent());
        assertTrue(fx(() -> store().annotation(myAgree.id()).isPresent()), "an agreement kept changes nothing");

        // Close and reopen: the decisions are in the project file. The fresh comparison regroups (the rejected
        // only-mine difference is gone, the accepted label conflict is now an agreement of bob's annotation with
        // itself), but progress counts decisions, so it reads as before; the one left undecided is the same.
        closeWindow();
        openWindow();
        reviewTheirs(theirs);
        assertEquals("4 of 5 differences decided", progressText());
        List<String> cells = cellTexts();
        assertEquals(4, cells.size());
        for (String cell : cells) {
            boolean open = cell.contains("Boundary conflict");
            assertEquals(!open, cell.startsWith("\u2713 "), "decided ones carry the mark: " + cell);
            assertEquals(open, cell.startsWith("\u2022 "), cell);
        }
        assertTrue(cells.stream().anyMatch(c -> c.startsWith("\u2713 Agreement: evidence")),
                "bob's accepted evidence agrees with itself and is decided: " + cells);
        assertTrue(cells.stream().anyMatch(c -> c.startsWith("\u2713 Only theirs: attribution")), cells.toString());
        closeWindow();

        assertColleagueFileUntouched(theirs, theirsBefore);
    }

    @Test
    void reviewingMyOwnFileIsRefusedWithOneSentenceAndChangesNothing() throws Exception {
        twoAnnotators();
        openWindow();
        List<Annotation> before = annotationsOf(fx(() -> workbench.document().id()));

        robot.interact(() -> window.review(mine));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane alert = errorAlert();
        assertEquals("The file cannot be reviewed", alert.getHeaderText());
        assertOneSentence(alert.getContentText());
        assertTrue(alert.getContentText().contains("your own project"), alert.getContentText());
        dismiss(alert);
        assertNull(reviewTab(), "no Review tab");
        assertFalse(model().isOpen());
        assertEquals(before, annotationsOf(fx(() -> workbench.document().id())));
    }

    @Test
    void aCorruptFileIsRefusedWithOneSentenceAndLeftAsItWas() throws Exception {
        twoAnnotators();
        Path corrupt = dir.resolve("garbage" + ProjectStore.EXTENSION);
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(corrupt, bytes);
        openWindow();
        List<Annotation> before = annotationsOf(fx(() -> workbench.document().id()));

        robot.interact(() -> window.review(corrupt));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane alert = errorAlert();
        assertEquals("The file cannot be reviewed", alert.getHeaderText());
        assertOneSentence(alert.getContentText());
        dismiss(alert);
        assertNull(reviewTab());
        assertFalse(model().isOpen());
        assertEquals(before, annotationsOf(fx(() -> workbench.document().id())));
        assertColleagueFileUntouched(corrupt, bytes);
    }

    @Test
    void aJsonExportAsTheirsIsReviewedLikeTheProject() throws Exception {
        twoAnnotators();
        Path export = dir.resolve("bob.json");
        try (ProjectStore store = ProjectStore.openReadOnly(theirs); OutputStream out = Files.newOutputStream(export)) {
            new JsonExporter(Clock.systemUTC()).export(store, out);
        }
        byte[] exportBefore = Files.readAllBytes(export);
        openWindow();
        reviewTheirs(export);

        assertNotNull(reviewTab());
        assertEquals("0 of 5 differences decided", progressText());
        assertTheirsAt(area(), bobEvidence, "theirs-2");
        focusList();
        goTo(Difference.Category.LABEL_CONFLICT);
        press(KeyCode.T);
        String docId = fx(() -> workbench.document().id());
        assertFalse(fx(() -> store().annotation(myClaim.id()).isPresent()));
        Annotation accepted = fx(() -> store().annotation(bobEvidence.id()).orElseThrow());
        assertEquals("bob", accepted.annotator());
        assertEquals("bob.json", fx(() -> store().provenance(docId)).get(bobEvidence.id()).acceptedFrom());
        assertEquals("1 of 5 differences decided", progressText());
        closeWindow();
        assertColleagueFileUntouched(export, exportBefore);
    }

    @Test
    void theSeedArticleReviewsWithEveryCategory() throws Exception {
        Path seed = SharedFixtures.shared().resolve("seeds/000_cf6e1beb37eba1d1.txt");
        mine = dir.resolve("alice" + ProjectStore.EXTENSION);
        theirs = dir.resolve("bob" + ProjectStore.EXTENSION);
        String text;
        try (ProjectStore store = ProjectStore.create(mine)) {
            Document doc = new ArticleImport(Clock.systemUTC()).importFile(store, seed).document();
            text = doc.text();
            Editor editor = new Editor(store, "alice");
            editor.add(doc, "attribution", cp(text, "Kyrylo Budanov"), cp(text, "Kyrylo Budanov") + 14);
            myClaim = tag(editor, doc, "claim", "Russia may have supplied Hamas invaders");
            tag(editor, doc, "denial", "No one else could do this");
            tag(editor, doc, "evidence", "FPV drones against armoured vehicles");
        }
        try (ProjectStore store = ProjectStore.create(theirs)) {
            Document doc = new ArticleImport(Clock.systemUTC()).importFile(store, seed).document();
            Editor editor = new Editor(store, "bob");
            tag(editor, doc, "attribution", "Kyrylo Budanov");
            bobEvidence = tag(editor, doc, "evidence", "Russia may have supplied Hamas invaders");
            tag(editor, doc, "denial", "No one else could do this except those");
            bobKremlin = tag(editor, doc, "attribution", "Ukrainska Pravda");
        }
        byte[] theirsBefore = Files.readAllBytes(theirs);
        openWindow();
        reviewTheirs(theirs);

        assertEquals("0 of 5 differences decided", progressText());
        assertEquals(List.of("Agreement", "Only theirs", "Label conflict", "Only mine", "Boundary conflict"),
                cellTexts().stream().map(c -> c.substring(2, c.indexOf(':'))).toList(), "in reading order");
        assertTheirsAt(area(), bobEvidence, "theirs-2");
        assertTheirsAt(area(), bobKremlin, "theirs-3");
        focusList();
        goTo(Difference.Category.LABEL_CONFLICT);
        press(KeyCode.T);
        assertFalse(fx(() -> store().annotation(myClaim.id()).isPresent()));
        assertEquals("bob", fx(() -> store().annotation(bobEvidence.id()).orElseThrow()).annotator());
        assertEquals("1 of 5 differences decided", progressText());
        closeWindow();
        assertColleagueFileUntouched(theirs, theirsBefore);
    }

    @Test
    void theProgressBarAndTheChartLegendAreShown() throws Exception {
        twoAnnotators();
        openWindow();
        reviewTheirs(theirs);
        Node panel = robot.lookup(".review-panel").query();
        ProgressBar bar = robot.from(panel).lookup(".progress-bar").queryAs(ProgressBar.class);
        assertTrue(bar.getHeight() > 0, "the progress bar is not squeezed away: " + bar.getLayoutBounds());
        assertEquals(0, bar.getProgress());
        javafx.scene.paint.Paint background = ((javafx.scene.layout.Region) panel).getBackground().getFills().get(0)
                .getFill();
        javafx.scene.paint.Color emptyTrack = fx(() -> bar.snapshot(null, null).getPixelReader()
                .getColor((int) bar.getWidth() - 3, (int) bar.getHeight() / 2));
        assertFalse(emptyTrack.getOpacity() == 0 || emptyTrack.equals(background),
                "the empty track stands out from the panel: " + emptyTrack + " on " + background);
        Node legend = robot.from(panel).lookup(".chart-legend").query();
        assertTrue(legend.isVisible(), "four series in four colours need their names");
        assertTrue(legend.getLayoutBounds().getHeight() > 0);

        focusList();
        goTo(Difference.Category.LABEL_CONFLICT);
        press(KeyCode.T);
        assertEquals(0.2, bar.getProgress(), 1e-9, "1 of 5");
    }

    /**
     * The picture of review mode (target/screenshots/review.png, copied to docs/images/review.png) shows what it is
     * for: the Review tab with its panel, and bob's annotations as dashed boxes around their words, read from the
     * pixels of the picture itself.
     */
    @Test
    void thePictureOfReviewModeShowsTheReviewTabAndTheirAnnotationsAsDashedBoxes() throws Exception {
        twoAnnotators();
        openWindow();
        reviewTheirs(theirs);
        focusList();
        goTo(Difference.Category.BOUNDARY_CONFLICT);
        robot.interact(() -> {
            workbench.select(null);
            area().deselect();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node root = stage.getScene().getRoot();
        WritableImage image = fx(() -> root.snapshot(null, null));
        Path png = Path.of("target", "screenshots", "review.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(toBuffered(image), "png", png.toFile());

        assertTrue(reviewTab().isSelected(), "the Review tab is in front");
        Node reviewPanel = robot.lookup(".review-panel").query();
        Bounds panel = fx(() -> root.sceneToLocal(reviewPanel.localToScene(reviewPanel.getLayoutBounds())));
        assertTrue(panel.getWidth() > 100 && panel.getHeight() > 100 && panel.getMaxX() <= image.getWidth()
                && panel.getMaxY() <= image.getHeight(), "the review panel is inside the picture: " + panel);
        assertDashedBoxInPicture(image, bobEvidence);
        assertDashedBoxInPicture(image, bobKremlin);
    }

    /**
     * Around {@code bob}'s one-line span the article draws a box with a dash array, and along the box's top edge the
     * picture alternates between the box's colour and the colour inside it.
     */
    private void assertDashedBoxInPicture(WritableImage image, Annotation bob) throws Exception {
        Node root = stage.getScene().getRoot();
        Bounds span = fx(() -> root.screenToLocal(area().getCharacterBoundsOnScreen(bob.start(), bob.end())
                .orElseThrow()));
        List<Shape> boxes = fx(() -> robot.from(area()).lookup((Node n) -> n instanceof BorderPath).queryAll()
                .stream().map(Shape.class::cast).filter(box -> {
                    Bounds b = root.sceneToLocal(box.localToScene(box.getBoundsInLocal()));
                    return box.isVisible() && Math.abs(b.getMinX() - span.getMinX()) < 2
                            && Math.abs(b.getMaxX() - span.getMaxX()) < 2
                            && Math.abs(b.getMinY() - span.getMinY()) < 2;
                }).toList());
        assertEquals(1, boxes.size(), "one box around " + bob.quote() + " at " + span);
        Shape box = boxes.get(0);
        assertFalse(box.getStrokeDashArray().isEmpty(), "the box around " + bob.quote() + " is dashed");

        Bounds edge = fx(() -> root.sceneToLocal(box.localToScene(box.getBoundsInLocal())));
        Color stroke = (Color) box.getStroke();
        PixelReader pixels = image.getPixelReader();
        int below = (int) Math.ceil(edge.getMinY() + box.getStrokeWidth()) + 1;
        int dashes = 0;
        int gaps = 0;
        for (int y = (int) edge.getMinY(); y < below; y++) {
            int rowDashes = 0;
            int rowGaps = 0;
            boolean inDash = false;
            for (int x = (int) Math.ceil(edge.getMinX()) + 2; x < (int) edge.getMaxX() - 2; x++) {
                Color here = pixels.getColor(x, y);
                boolean ink = distance(here, stroke) < distance(here, pixels.getColor(x, below));
                if (ink && !inDash) {
                    rowDashes++;
                } else if (!ink && inDash) {
                    rowGaps++;
                }
                inDash = ink;
            }
            if (rowDashes > dashes) {
                dashes = rowDashes;
                gaps = rowGaps;
            }
        }
        assertTrue(dashes >= 5 && gaps >= 4, "the picture shows a dashed edge over " + bob.quote() + ": " + dashes
                + " dashes, " + gaps + " gaps");
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    // ---- the two projects ----------------------------------------------------------------------------------------

    /**
     * alice and bob annotate {@link #TEXT}: one agreement, one label conflict, one boundary conflict, one only-mine
     * and one only-theirs.
     */
    private void twoAnnotators() {
        mine = dir.resolve("alice" + ProjectStore.EXTENSION);
        theirs = dir.resolve("bob" + ProjectStore.EXTENSION);
        try (ProjectStore store = ProjectStore.create(mine)) {
            Document doc = store.addDocumentIfAbsent(new Document("d-alice", "budanov", null, Sha256.hex(TEXT), TEXT,
                    IMPORTED));
            Editor editor = new Editor(store, "alice");
            myAgree = tag(editor, doc, "attribution", "Mr Budanov");
            myClaim = tag(editor, doc, "claim", "Russia helped Hamas");
            myDenial = tag(editor, doc, "denial", "The Kremlin denied it");
            myEvidence = tag(editor, doc, "evidence", "satellite images");
        }
        try (ProjectStore store = ProjectStore.create(theirs)) {
            Document doc = store.addDocumentIfAbsent(new Document("d-bob", "budanov", null, Sha256.hex(TEXT), TEXT,
                    IMPORTED));
            Editor editor = new Editor(store, "bob");
            bobAgree = tag(editor, doc, "attribution", "Mr Budanov");
            bobEvidence = tag(editor, doc, "evidence", "Russia helped Hamas");
            bobDenial = tag(editor, doc, "denial", "The Kremlin denied it on Monday");
            bobKremlin = tag(editor, doc, "attribution", "The Kremlin");
        }
    }

    private static Annotation tag(Editor editor, Document doc, String label, String quote) {
        int start = cp(doc.text(), quote);
        return editor.add(doc, label, start, start + quote.codePointCount(0, quote.length()));
    }

    /** The code point offset of the first {@code quote} in {@code text}. */
    private static int cp(String text, String quote) {
        int at = text.indexOf(quote);
        assertTrue(at >= 0, quote);
        return text.codePointCount(0, at);
    }

    // ---- the window ----------------------------------------------------------------------------------------------

    /** As FactSpanApp builds it, without the dialogs: alice opens her project. */
    private void openWindow() throws Exception {
        robot.interact(() -> {
            stage = new Stage();
            Tasks tasks = Tasks.inline();
            workbench = new Workbench(tasks, Clock.systemUTC(), "alice");
            window = new MainWindow(stage, workbench, settings, tasks);
            assertTrue(window.openProject(mine));
            window.show();
            stage.toFront();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeWindow() {
        if (stage != null) {
            robot.interact(() -> {
                workbench.closeProject();
                stage.hide();
            });
            WaitForAsyncUtils.waitForFxEvents();
            stage = null;
        }
    }

    /** With {@link Tasks#inline()} the review is open when this returns. */
    private void reviewTheirs(Path file) {
        robot.interact(() -> window.review(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(findDialogPane(), () -> "no error: " + findDialogPane().getContentText());
        assertTrue(model().isOpen(), "the review opened");
    }

    private ReviewModel model() {
        return window.reviewModel();
    }

    private ProjectStore store() {
        return workbench.project().orElseThrow();
    }

    private ReviewModel.Item current() {
        return model().currentProperty().get();
    }

    private String selectedId() {
        Annotation selected = workbench.selected();
        return selected == null ? null : selected.id();
    }

    private ReviewModel.Item item(Difference.Category category) {
        return model().items().stream().filter(i -> i.difference().category() == category).findFirst().orElseThrow();
    }

    /** Types lower-case words key by key into whatever has the keyboard (the focused window's focus owner). */
    private void type(String text) {
        for (char c : text.toCharArray()) {
            robot.type(c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(KeyCode key) {
        robot.push(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses F8 until the current difference is of {@code category}. */
    private void goTo(Difference.Category category) {
        for (int i = 0; i <= model().items().size(); i++) {
            if (current() != null && current().difference().category() == category) {
                return;
            }
            press(KeyCode.F8);
        }
        fail("F8 never reached a " + category);
    }

    private Tab reviewTab() {
        TabPane tabs = robot.from(stage.getScene().getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
        return tabs.getTabs().stream().filter(t -> t.getText().equals("Review")).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<ReviewModel.Item> listView() {
        // The differences, not the list inside the category filter's popup.
        return robot.from(stage.getScene().getRoot()).lookup(".review-panel .list-view")
                .match((ListView<?> l) -> l.getParent() != null && l.getParent().getStyleClass().contains("review-panel"))
                .queryAs(ListView.class);
    }

    private StyleClassedTextArea area() {
        return robot.from(stage.getScene().getRoot()).lookup(".article").queryAs(StyleClassedTextArea.class);
    }

    private void focusList() {
        robot.interact(() -> {
            stage.requestFocus();
            listView().requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(listView().isFocused(), "the list has the keyboard");
    }

    private void focusArticle() {
        robot.interact(() -> area().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(area().isFocused(), "the article has the keyboard");
    }

    /** The progress line of the review panel, as shown. */
    private String progressText() {
        return robot.from(stage.getScene().getRoot()).lookup(".review-panel .label")
                .match((Labeled l) -> l.getText() != null && l.getText().endsWith("differences decided"))
                .queryAs(Labeled.class).getText();
    }

    /** The text of every row of the differences list, as its cells draw it. */
    private List<String> cellTexts() throws Exception {
        ListView<ReviewModel.Item> list = listView();
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            for (ReviewModel.Item item : list.getItems()) {
                ListCell<ReviewModel.Item> cell = list.getCellFactory().call(list);
                cell.updateListView(list);
                cell.updateIndex(texts.size());
                texts.add(cell.getText());
            }
            return texts;
        });
    }

    private List<Annotation> annotationsOf(String docId) throws Exception {
        return fx(() -> store().annotations(docId));
    }

    private static Collection<String> styleAt(StyleClassedTextArea area, int offset) {
        return area.getStyleOfChar(offset);
    }

    /** Bob's annotation is drawn with {@code theirs} and its label's {@code theirs-N} over every one of its chars. */
    private static void assertTheirsAt(StyleClassedTextArea area, Annotation bob, String labelClass) {
        for (int i = bob.start(); i < bob.end(); i++) {
            Collection<String> styles = styleAt(area, i);
            assertTrue(styles.contains("theirs") && styles.contains(labelClass),
                    bob.label() + " at " + i + " is drawn as theirs: " + styles);
        }
    }

    // ---- dialogs -------------------------------------------------------------------------------------------------

    private DialogPane findDialogPane() {
        for (Window w : robot.listWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    private DialogPane dialogPane() {
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = findDialogPane();
        assertNotNull(pane, "a dialog is open");
        return pane;
    }

    /** The error alert the window shows (it does not block), by its dialog pane. */
    private DialogPane errorAlert() {
        DialogPane pane = dialogPane();
        assertTrue(pane.getStyleClass().contains("error"), "an error alert: " + pane.getStyleClass());
        return pane;
    }

    private void dismiss(DialogPane pane) {
        Button ok = (Button) pane.lookupButton(pane.getButtonTypes().get(0));
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(findDialogPane());
    }

    private static void assertOneSentence(String text) {
        assertNotNull(text);
        String trimmed = text.strip();
        assertFalse(trimmed.isEmpty());
        assertTrue(trimmed.endsWith("."), "ends like a sentence: " + text);
        assertFalse(trimmed.contains("\n"), "one line: " + text);
        assertFalse(trimmed.substring(0, trimmed.length() - 1).matches("(?s).*[.!?]\\s+\\p{Lu}.*"),
                "one sentence: " + text);
    }

    private static void assertColleagueFileUntouched(Path file, byte[] before) throws Exception {
        assertEquals(sha(before), sha(Files.readAllBytes(file)), file + " is byte for byte as it was");
        assertFalse(Files.exists(Path.of(file + "-wal")), "no -wal beside " + file);
        assertFalse(Files.exists(Path.of(file + "-shm")), "no -shm beside " + file);
        assertFalse(Files.exists(Path.of(file + "-journal")), "no -journal beside " + file);
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private static <T> T fx(Callable<T> callable) throws Exception {
        return WaitForAsyncUtils.asyncFx(callable).get();
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        return out;
    }
}
