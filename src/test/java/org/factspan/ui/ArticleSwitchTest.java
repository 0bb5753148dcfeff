package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;

import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Leaving an Arabic article with text selected for a short English one: nothing of the old text's right-to-left
 * marking may carry over (a restyle queued for the old ranges once threw and stopped all later highlighting).
 */
class ArticleSwitchTest extends FxRobot {

    private static final String ARABIC =
            "قال المتحدث باسم وزارة الصحة في مؤتمر صحفي يوم الثلاثاء إن عدد المصابين ارتفع.\n";
    private static final String ENGLISH = "Short claim.\n";

    @TempDir
    java.nio.file.Path dir;
    private WindowHarness harness;
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openTheArabicArticleWithTextSelected() throws Exception {
        java.nio.file.Path arabic = Files.writeString(dir.resolve("arabic.txt"), ARABIC);
        java.nio.file.Path english = Files.writeString(dir.resolve("english.txt"), ENGLISH);
        harness = WindowHarness.open(this, Tasks.inline(), dir.resolve("p.factspan"));
        harness.importArticles(arabic, english);
        WindowHarness.onFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> fxErrors.add(e));
            harness.workbench().openDocument(harness.documentId("arabic"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("rtl"), List.copyOf(area().getParagraph(0).getParagraphStyle()));
        interact(() -> area().selectRange(40, 60));
        clickOn(harness.documentCell("english"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ENGLISH, area().getText());
    }

    @AfterEach
    void close() throws Exception {
        harness.dispose();
    }

    @Test
    void nothingFailsAndATagInTheNewArticleIsHighlighted() {
        assertEquals(List.of(), fxErrors.stream().map(Throwable::toString).toList());
        clickOn(area());
        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        type(KeyCode.DIGIT1);
        assertEquals(1, harness.stored().size(), "tagged");
        List<String> shownAndFresh = harness.shownAndFreshStyles();
        assertEquals(shownAndFresh.get(1), shownAndFresh.get(0), "the new claim is highlighted");
    }

    @Test
    void theEnglishArticleReadsLeftToRightAndShowsItsSelection() {
        List<String> styles = WindowHarness.onFx(() -> area().getParagraphs().stream()
                .map(p -> String.valueOf(p.getParagraphStyle())).toList());
        assertEquals(List.of("[]", "[]"), styles, "paragraph styles of the English article");
        interact(() -> area().selectRange(0, 5));
        List<Object> fills = WindowHarness.onFx(() -> area().lookupAll(".selection").stream()
                .filter(node -> node instanceof Path path && !path.getElements().isEmpty())
                .map(node -> (Object) ((Path) node).getFill()).toList());
        assertEquals(1, fills.size(), "one selection shape is drawn");
        assertNotEquals(Color.TRANSPARENT, fills.get(0), "the selection is visible");
    }

    private StyleClassedTextArea area() {
        return harness.area();
    }
}
