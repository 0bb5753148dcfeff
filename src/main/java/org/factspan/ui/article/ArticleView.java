package org.factspan.ui.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Popup;

import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Document;
import org.factspan.model.Span;
import org.factspan.text.WordSnapper;
import org.factspan.ui.Keys;
import org.factspan.ui.view.AnnotationStyler;
import org.factspan.ui.view.DisplayText;
import org.factspan.ui.view.RightToLeftParagraphs;
import org.factspan.ui.workbench.Workbench;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The article: read-only, wrapped, virtualized text in which the user selects and tags spans.
 *
 * <p>Three index spaces meet here. The workbench speaks code points of the stored text; Java strings speak UTF-16 of
 * the stored text; the text area shows a {@link DisplayText}, the stored text with line breaks inserted into very long
 * paragraphs so that RichTextFX never lays out a megabyte as one line. Every conversion goes through
 * {@link #toDisplay(int)} and {@link #selectionInCodePoints()}.
 *
 * <p>Styling is the pure {@link AnnotationStyler}; after an edit only the changed range is restyled, which keeps
 * tagging on a long article within a frame.
 *
 * <p>Over 400 lines because the document, the restyling and the keys all work on the one text area and its
 * {@link DisplayText}, converting between the index spaces as they go; split, each part would need both passed in and
 * kept in step.
 */
public final class ArticleView {

    /** Find matches: a yellow marker that wins over annotation fills, because it sits in the same sheet after them. */
    private static final String FIND_MATCH_CSS = ".find-match { -rtfx-background-color: rgba(255, 200, 0, 0.65);"
            + " -rtfx-border-stroke-color: #B08800; -rtfx-border-stroke-width: 1; }\n";

    private final Workbench workbench;
    private final StyleClassedTextArea area = new StyleClassedTextArea(false);
    private final VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
    private final FindBar findBar;
    private final LinkMode linkMode;
    private final BorderPane root = new BorderPane();
    private final Popup hover = new Popup();
    private final VBox hoverBox = new VBox(4);
    private final Label emptyHint = new Label("Open or import an article to start annotating.");
    private Document document;
    private CodePointIndex index;
    private DisplayText display;
    private RightToLeftParagraphs rightToLeft = RightToLeftParagraphs.none();
    private AnnotationStyler styler;
    /** A colleague's annotations during a review, drawn as dashed boxes over mine; null outside a review. */
    private AnnotationStyler theirsStyler;
    private List<Annotation> theirs = List.of();
    private java.util.function.Predicate<KeyEvent> reviewKeys = e -> false;
    private List<org.factspan.model.Label> labels = List.of();
    private boolean dark;
    private String css;
    private boolean exactSelection;
    private Runnable onEditNote = () -> { };
    /** Display ranges of the current text waiting for {@link #applyPendingRestyles()}. */
    private final List<int[]> pendingRestyles = new ArrayList<>();

    public ArticleView(Workbench workbench) {
        this.workbench = workbench;
        ComplexTextWrapFix.install();
        this.findBar = new FindBar(this);
        this.linkMode = new LinkMode(workbench);
        area.setEditable(false);
        // New text takes no paragraph style from the old (an Arabic first paragraph would make every paragraph rtl).
        area.setUseInitialStyleForInsertion(true);
        area.setWrapText(true);
        area.getStyleClass().add("article");
        area.setShowCaret(org.fxmisc.richtext.Caret.CaretVisibility.ON);
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.setContextMenu(contextMenu());
        hoverBox.getStyleClass().add("annotation-hover");
        hover.getContent().add(hoverBox);
        hover.setAutoHide(true);
        emptyHint.getStyleClass().add("empty-hint");
        root.setTop(findBar.node());
        root.setCenter(emptyHint);
        root.getStyleClass().add("article-pane");

        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> exactSelection = e.isAltDown());
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onMouseReleased);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> showHover(e.getCharacterIndex(),
                e.getScreenPosition()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
        area.selectionProperty().addListener((obs, old, now) -> restyleRightToLeftSelection(old, now));

        workbench.documentProperty().addListener((obs, old, doc) -> {
            linkMode.abandon();
            setDocument(doc);
        });
        workbench.annotations().addListener(this::onAnnotationsChanged);
        workbench.hiddenLabels().addListener((SetChangeListener<String>) change -> {
            rebuildStyler();
            restyleAll();
        });
        workbench.selectedProperty().addListener((obs, old, now) -> {
            restyle(old);
            restyle(now);
        });
        workbench.revealProperty().addListener((obs, old, span) -> reveal(span));
    }

    public Node node() {
        return root;
    }

    /** The text area itself, for tests and the find bar. */
    public StyleClassedTextArea area() {
        return area;
    }

    public void setOnEditNote(Runnable action) {
        onEditNote = action;
    }

    public void focus() {
        area.requestFocus();
    }

    public void showFind() {
        findBar.show();
    }

    /** The project's labels and the theme decide the highlight colours. */
    public void setLabels(List<org.factspan.model.Label> labels, boolean dark) {
        this.labels = List.copyOf(labels);
        this.dark = dark;
        if (css != null) {
            area.getStylesheets().remove(css);
        }
        String text = AnnotationStyler.css(this.labels, dark ? AnnotationStyler.Theme.DARK : AnnotationStyler.Theme.LIGHT)
                + AnnotationStyler.theirsCss(this.labels, dark ? AnnotationStyler.Theme.DARK : AnnotationStyler.Theme.LIGHT)
                + FIND_MATCH_CSS
                + RightToLeftParagraphs.css(RightToLeftParagraphs.fontFamily(Font.getFamilies()).orElse(null));
        // JavaFX reads stylesheets from URLs only; a data URL keeps the generated colours out of the file system.
        css = "data:text/css;base64," + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        area.getStylesheets().add(css);
        rebuildStyler();
        restyleAll();
    }

    /** The styler is a sorted snapshot of the annotations; it is rebuilt whenever they or the shown labels change. */
    private void rebuildStyler() {
        styler = document == null ? null : new AnnotationStyler(workbench.annotations(), index, display, labels,
                workbench.hiddenLabels());
        List<Annotation> theirsHere = document == null ? List.of()
                : theirs.stream().filter(a -> a.documentId().equals(document.id())).toList();
        theirsStyler = theirsHere.isEmpty() ? null
                : new AnnotationStyler(theirsHere, index, display, labels, workbench.hiddenLabels());
    }

    /** Shows a colleague's annotations (placed on my text) beside mine; an empty list ends that. */
    public void setTheirs(List<Annotation> annotations) {
        theirs = List.copyOf(annotations);
        rebuildStyler();
        restyleAll();
    }

    /** Keys the review mode handles in the article (decisions); returns true when it used the key. */
    public void setReviewKeys(java.util.function.Predicate<KeyEvent> handler) {
        reviewKeys = handler;
    }

    public void setZoom(double zoom) {
        area.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 16 * zoom));
    }

    // ---- the document ---------------------------------------------------------------------------------------------

    private void setDocument(Document doc) {
        hover.hide();
        findBar.hide();
        pendingRestyles.clear();
        document = doc;
        if (doc == null) {
            index = null;
            display = null;
            rightToLeft = RightToLeftParagraphs.none();
            area.clear();
            root.setCenter(emptyHint);
            return;
        }
        index = doc.index();
        display = new DisplayText(doc.text());
        // replaceText moves the selection, whose listener must not mark the old text's RTL ranges in the new one.
        rightToLeft = RightToLeftParagraphs.none();
        area.replaceText(display.displayText());
        pendingRestyles.clear();
        markRightToLeftParagraphs();
        root.setCenter(scroll);
        rebuildStyler();
        if (!workbench.annotations().isEmpty()) {
            // replaceText left the whole text unstyled, which is what no annotations look like; restyling 1 MB to
            // the same nothing measured 15-110 ms (docs/benchmarks.md).
            restyleAll();
        }
        area.moveTo(0);
        area.requestFollowCaret();
        Platform.runLater(area::requestFocus);
    }

    /** Paragraphs whose first strong character is right-to-left (Arabic, Hebrew) read from the right (ADR 0006). */
    private void markRightToLeftParagraphs() {
        rightToLeft = RightToLeftParagraphs.of(display);
        for (int p : rightToLeft.paragraphs()) {
            area.setParagraphStyle(p, List.of(RightToLeftParagraphs.PARAGRAPH));
        }
    }

    /** RTL paragraphs show the selection as a text background (ADR 0006); restyle where that background changes. */
    private void restyleRightToLeftSelection(IndexRange old, IndexRange now) {
        if (document == null || rightToLeft.isEmpty()) {
            return;
        }
        int[] changed = rightToLeft.selectionChange(old.getStart(), old.getEnd(), now.getStart(), now.getEnd());
        for (int r = 0; r < changed.length; r += 2) {
            restyleLater(changed[r], changed[r + 1]);
        }
    }

    // ---- styles ---------------------------------------------------------------------------------------------------

    private void restyleAll() {
        if (document == null || styler == null || area.getLength() == 0) {
            return;
        }
        area.setStyleSpans(0, decorated(withTheirs(styler.styles(selectedId()), 0, area.getLength()), 0));
    }

    private void restyle(Annotation annotation) {
        if (annotation != null && document != null && annotation.documentId().equals(document.id())) {
            restyle(annotation.span());
        }
    }

    /**
     * Marks a span for restyling. One tag restyles the new span, the old selection and the new selection (the same
     * span again); each {@code setStyleSpans} rebuilds a paragraph of the area, so the ranges are collected and
     * applied once, merged, right after the event that caused them.
     */
    private void restyle(Span span) {
        if (document == null || styler == null) {
            return;
        }
        int from = toDisplay(span.start());
        restyleLater(from, Math.min(area.getLength(), Math.max(from + 1, toDisplay(span.end()))));
    }

    private void restyleLater(int from, int to) {
        if (pendingRestyles.isEmpty()) {
            Platform.runLater(this::applyPendingRestyles);
        }
        pendingRestyles.add(new int[] {from, to});
    }

    private void applyPendingRestyles() {
        // Taken before applying: a failure must not leave the list non-empty, which would stop all later restyles.
        List<int[]> ranges = new ArrayList<>(pendingRestyles);
        pendingRestyles.clear();
        ranges.removeIf(range -> range[1] > area.getLength());
        if (ranges.isEmpty() || document == null || styler == null) {
            return;
        }
        ranges.sort(java.util.Comparator.comparingInt(range -> range[0]));
        int from = ranges.get(0)[0];
        int to = ranges.get(0)[1];
        for (int[] range : ranges) {
            // Two calls on one paragraph would rebuild it twice; the text between costs next to nothing to restyle.
            if (range[0] > to && paragraphOf(range[0]) != paragraphOf(to)) {
                restyleDisplayRange(from, to);
                from = range[0];
            }
            to = Math.max(to, range[1]);
        }
        restyleDisplayRange(from, to);
    }

    private int paragraphOf(int displayIndex) {
        return area.offsetToPosition(displayIndex, org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
    }

    /** Find matches and, in right-to-left paragraphs, the selection over the annotation styles from {@code from}. */
    private StyleSpans<Collection<String>> decorated(StyleSpans<Collection<String>> styles, int from) {
        IndexRange selection = area.getSelection();
        return rightToLeft.withSelection(findBar.overlay(styles, from), from, selection.getStart(), selection.getEnd());
    }

    private StyleSpans<Collection<String>> styles(int from, int to) {
        return withTheirs(styler.styles(from, to, selectedId()), from, to);
    }

    private StyleSpans<Collection<String>> withTheirs(StyleSpans<Collection<String>> mine, int from, int to) {
        if (theirsStyler == null) {
            return mine;
        }
        return mine.overlay(theirsStyler.styles(from, to, null), (own, other) -> {
            if (other.isEmpty()) {
                return own;
            }
            java.util.Set<String> both = new java.util.HashSet<>(own);
            both.add("theirs");
            for (String style : other) {
                int dash = style.lastIndexOf('-');
                if (style.startsWith("ann-") && dash > 0) {
                    both.add("theirs" + style.substring(dash));
                }
            }
            return both;
        });
    }

    private String selectedId() {
        Annotation selected = workbench.selected();
        return selected == null ? null : selected.id();
    }

    void restyleDisplayRange(int from, int to) {
        if (document != null && styler != null && from < to) {
            area.setStyleSpans(from, decorated(styles(from, to), from));
        }
    }

    private void onAnnotationsChanged(ListChangeListener.Change<? extends Annotation> change) {
        if (document == null) {
            return;
        }
        List<Span> touched = new ArrayList<>();
        List<Annotation> removed = new ArrayList<>();
        List<Annotation> added = new ArrayList<>();
        boolean wholesale = false;
        while (change.next()) {
            if (change.getRemovedSize() + change.getAddedSize() > 64) {
                wholesale = true;
            } else {
                removed.addAll(change.getRemoved());
                added.addAll(change.getAddedSubList());
            }
        }
        if (wholesale || styler == null) {
            rebuildStyler();
            restyleAll();
            return;
        }
        // One edit touches one or two annotations: patch the styler rather than rebuild it (see docs/benchmarks.md).
        for (Annotation a : removed) {
            styler = styler.changed(a, null, index, display);
            touched.add(a.span());
        }
        for (Annotation a : added) {
            styler = styler.changed(null, a, index, display);
            touched.add(a.span());
        }
        touched.forEach(this::restyle);
    }

    // ---- selection and keys ---------------------------------------------------------------------------------------

    /**
     * The selection as code points of the stored text, snapped outward to whole words with surrounding whitespace
     * trimmed unless Alt was held while selecting; null when nothing (or only whitespace) is selected.
     */
    public Span selectionInCodePoints() {
        IndexRange selection = area.getSelection();
        if (document == null || selection.getLength() == 0) {
            return null;
        }
        int start = display.toStored(selection.getStart());
        int end = display.toStored(selection.getEnd());
        if (!exactSelection) {
            Optional<WordSnapper.Range> snapped = WordSnapper.snap(document.text(), start, end);
            if (snapped.isEmpty()) {
                return null;
            }
            start = snapped.get().start();
            end = snapped.get().end();
        }
        int cpStart = index.toCodePoint(start);
        int cpEnd = index.toCodePoint(end);
        return cpStart < cpEnd ? new Span(cpStart, cpEnd) : null;
    }

    /** Tags the selection with {@code label}, or relabels the selected annotation when no text is selected. */
    public void applyLabel(String label) {
        Span selection = selectionInCodePoints();
        if (selection != null) {
            workbench.tag(label, selection.start(), selection.end());
            area.deselect();
        } else if (workbench.selected() != null) {
            workbench.relabelSelected(label);
        } else {
            workbench.messageProperty().set("Select some text to tag, or click an annotation to relabel it.");
        }
        area.requestFocus();
    }

    private void onKey(KeyEvent event) {
        if (event.isAltDown() && event.isShiftDown()) {
            exactSelection = true;
        } else if (event.isShiftDown() && isArrow(event.getCode())) {
            exactSelection = false;
        }
        if (linkMode.active()) {
            onLinkKey(event);
            return;
        }
        if (reviewKeys.test(event)) {
            event.consume();
            return;
        }
        if (Keys.of(Keys.Context.ARTICLE, event).filter(action -> perform(action, event)).isPresent()) {
            event.consume();
        }
    }

    /**
     * While linking, plain keys are link mode's alone: Delete or a label digit would otherwise act on the candidate
     * that happens to be selected. A shortcut (Ctrl+Z, Ctrl+F) ends linking and then does what it does.
     */
    private void onLinkKey(KeyEvent event) {
        if (event.getCode().isModifierKey()) {
            return;
        }
        if (event.isShortcutDown() || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            linkMode.cancel();
            return;
        }
        linkMode.onKey(event);
        event.consume();
    }

    /** Does what an article key asks; returns false when it does not apply now, to leave the key to the area. */
    private boolean perform(Keys action, KeyEvent event) {
        switch (action) {
            case TAG -> workbench.labelForKey(digit(event.getCode())).ifPresent(label -> applyLabel(label.name()));
            case NEXT_ANNOTATION -> workbench.selectNext(caretInCodePoints());
            case PREVIOUS_ANNOTATION -> workbench.selectPrevious(caretInCodePoints());
            case DELETE_ANNOTATION -> workbench.deleteSelected();
            case EDIT_NOTE -> {
                if (workbench.selected() == null) {
                    return false;
                }
                onEditNote.run();
            }
            case MOVE_ANNOTATION -> {
                if (workbench.selected() == null) {
                    return false;
                }
                moveSelectedToSelection();
            }
            case LINK -> linkMode.start();
            case CLEAR_SELECTION -> {
                area.deselect();
                workbench.select(null);
            }
            default -> throw new IllegalArgumentException(action + " is no article key");
        }
        return true;
    }

    /** With an annotation selected (Tab, click), select text and press M: the annotation takes its bounds. */
    private void moveSelectedToSelection() {
        Span selection = selectionInCodePoints();
        if (selection != null) {
            workbench.moveBoundaryOfSelected(selection.start(), selection.end());
            area.deselect();
        } else {
            workbench.messageProperty().set("Select the text the annotation should cover, then press "
                    + Keys.MOVE_ANNOTATION.keyText() + ".");
        }
    }

    private static boolean isArrow(KeyCode code) {
        return code.isArrowKey() || code == KeyCode.HOME || code == KeyCode.END;
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : 0;
        }
        return 0;
    }

    private int caretInCodePoints() {
        return document == null ? 0 : index.toCodePoint(display.toStored(area.getCaretPosition()));
    }

    private void onMouseReleased(MouseEvent event) {
        if (document == null || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        IndexRange selection = area.getSelection();
        if (selection.getLength() == 0) {
            if (event.getClickCount() == 1) {
                // The character under the pointer, not the caret: a click on the trailing half of a letter puts the
                // caret after it (left of it in a right-to-left line), which may be outside the annotation.
                int clicked = area.hit(event.getX(), event.getY()).getCharacterIndex()
                        .orElse(area.getCaretPosition());
                List<Annotation> here = annotationsAtDisplay(clicked);
                workbench.selectedProperty().set(here.isEmpty() ? null : here.get(here.size() - 1));
            }
        } else if (!exactSelection) {
            WordSnapper.snap(document.text(), display.toStored(selection.getStart()),
                            display.toStored(selection.getEnd()))
                    .ifPresent(r -> area.selectRange(display.toDisplay(r.start()), display.toDisplayEnd(r.end())));
        }
    }

    /** The visible annotations covering a display position, outermost first. */
    private List<Annotation> annotationsAtDisplay(int displayIndex) {
        if (styler == null || displayIndex >= area.getLength()) {
            return List.of();
        }
        return styler.annotationsAt(displayIndex);
    }

    private void showHover(int displayIndex, Point2D screen) {
        if (document == null) {
            return;
        }
        List<Annotation> here = annotationsAtDisplay(displayIndex);
        if (here.isEmpty()) {
            return;
        }
        hoverBox.getChildren().clear();
        for (Annotation a : here) {
            Label line = new Label(a.label() + " - " + a.annotator() + (a.note() == null ? "" : "\n" + a.note()));
            line.setWrapText(true);
            line.setMaxWidth(360);
            line.getStyleClass().add("hover-line");
            hoverBox.getChildren().add(line);
        }
        hover.show(area, screen.getX() + 8, screen.getY() + 14);
    }

    private void reveal(Span span) {
        if (span == null || document == null || span.end() > index.length()) {
            return;
        }
        int start = toDisplay(span.start());
        area.moveTo(start);
        area.requestFollowCaret();
    }

    /** Display index of a code point offset of the stored text. */
    int toDisplay(int codePoint) {
        return display.toDisplay(index.toUtf16(codePoint));
    }

    String displayText() {
        return display == null ? "" : display.displayText();
    }

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (org.factspan.model.Label label : workbench.labels()) {
                MenuItem tag = new MenuItem((area.getSelection().getLength() > 0 ? "Tag as " : "Relabel as ")
                        + label.name() + (label.key() > 0 ? "  (" + label.key() + ")" : ""));
                tag.setOnAction(a -> applyLabel(label.name()));
                menu.getItems().add(tag);
            }
            MenuItem note = new MenuItem("Edit Note...  (Enter)");
            note.setOnAction(a -> onEditNote.run());
            MenuItem delete = new MenuItem("Delete Annotation  (Delete)");
            delete.setOnAction(a -> workbench.deleteSelected());
            note.setDisable(workbench.selected() == null);
            delete.setDisable(workbench.selected() == null);
            menu.getItems().addAll(new SeparatorMenuItem(), note, delete);
        });
        return menu;
    }
}
