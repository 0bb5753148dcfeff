package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import org.factspan.model.Label;
import org.junit.jupiter.api.Test;

class KeysTest {

    private static final List<Label> NINE_LABELS = List.of(new Label("claim", "#111111", 1),
            new Label("denial", "#222222", 2), new Label("evidence", "#333333", 3),
            new Label("attribution", "#444444", 4), new Label("five", "#555555", 5), new Label("six", "#666666", 6),
            new Label("seven", "#777777", 7), new Label("eight", "#888888", 8), new Label("nine", "#999999", 9));

    @Test
    void helpListsEveryKeyOfTheTableUnderItsContext() {
        String help = Keys.help(NINE_LABELS);
        for (Keys action : Keys.values()) {
            if (action == Keys.TAG) {
                continue;
            }
            String section = section(help, action.context());
            for (KeyCombination combination : action.combinations()) {
                assertTrue(section.contains(Keys.display(combination)),
                        action + "'s " + Keys.display(combination) + " is listed in:\n" + section);
            }
        }
        String article = section(help, Keys.Context.ARTICLE);
        for (Label label : NINE_LABELS) {
            assertTrue(article.lines().anyMatch(line -> line.trim().startsWith(label.key() + " ")
                    && line.contains("as " + label.name() + " ")), label.name() + "'s key is listed");
        }
    }

    @Test
    void helpListsOnlyTheLabelsThatHaveAKey() {
        String help = Keys.help(List.of(new Label("claim", "#111111", 1), new Label("keyless", "#222222", 0)));
        assertTrue(help.contains("as claim "));
        assertFalse(help.contains("keyless"));
    }

    @Test
    void noTwoActionsInOverlappingContextsShareAKeyPress() {
        List<String> conflicts = new ArrayList<>();
        Keys[] actions = Keys.values();
        for (int i = 0; i < actions.length; i++) {
            for (int j = i + 1; j < actions.length; j++) {
                Keys a = actions[i];
                Keys b = actions[j];
                if (a.context().overlaps(b.context())) {
                    sharedPress(a.matched(), b.matched()).ifPresent(press -> conflicts.add(a + " and " + b + ": "
                            + press));
                }
            }
        }
        assertEquals(List.of(), conflicts);
    }

    @Test
    void theConflictCheckFindsAKeyPressTwoCombinationsShare() {
        KeyCombination anyShiftK = new KeyCodeCombination(KeyCode.K, KeyCombination.ModifierValue.ANY,
                KeyCombination.ModifierValue.UP, KeyCombination.ModifierValue.UP, KeyCombination.ModifierValue.UP,
                KeyCombination.ModifierValue.UP);
        assertTrue(sharedPress(List.of(anyShiftK), List.of(KeyCombination.keyCombination("Shift+K"))).isPresent());
        assertTrue(sharedPress(List.of(KeyCombination.keyCombination("Shortcut+Y")),
                List.of(KeyCombination.keyCombination("Ctrl+Y"))).isPresent());
        assertFalse(sharedPress(List.of(KeyCombination.keyCombination("Tab")),
                List.of(KeyCombination.keyCombination("Shift+Tab"))).isPresent());
        assertFalse(sharedPress(List.of(KeyCombination.keyCombination("1")),
                List.of(KeyCombination.keyCombination("Shortcut+1"))).isPresent());
    }

    @Test
    void shiftFreeActionsTakeTheirKeyWithShiftAndNoOtherModifier() {
        assertEquals(Optional.of(Keys.DELETE_ANNOTATION), Keys.of(Keys.Context.ARTICLE, press(KeyCode.DELETE, true,
                false, false)));
        assertEquals(Optional.of(Keys.DELETE_ANNOTATION), Keys.of(Keys.Context.ARTICLE, press(KeyCode.BACK_SPACE,
                false, false, false)));
        assertEquals(Optional.of(Keys.TAG), Keys.of(Keys.Context.ARTICLE, press(KeyCode.DIGIT3, true, false, false)));
        assertEquals(Optional.of(Keys.TAG), Keys.of(Keys.Context.ARTICLE, press(KeyCode.NUMPAD9, false, false,
                false)));
        assertEquals(Optional.empty(), Keys.of(Keys.Context.ARTICLE, press(KeyCode.DIGIT0, false, false, false)));
        assertEquals(Optional.empty(), Keys.of(Keys.Context.ARTICLE, press(KeyCode.DELETE, false, true, false)));
        assertEquals(Optional.empty(), Keys.of(Keys.Context.REVIEW, press(KeyCode.K, false, false, true)));
        assertEquals(Optional.of(Keys.KEEP_MINE), Keys.of(Keys.Context.REVIEW, press(KeyCode.K, true, false, false)));
    }

    @Test
    void shiftTellsTheNextFromThePreviousWhereItMatters() {
        assertEquals(Optional.of(Keys.NEXT_ANNOTATION), Keys.of(Keys.Context.ARTICLE, press(KeyCode.TAB, false, false,
                false)));
        assertEquals(Optional.of(Keys.PREVIOUS_ANNOTATION), Keys.of(Keys.Context.ARTICLE, press(KeyCode.TAB, true,
                false, false)));
        assertEquals(Optional.of(Keys.FIND_PREVIOUS), Keys.of(Keys.Context.FIND, press(KeyCode.ENTER, true, false,
                false)));
    }

    /** A key press both lists match: the same key with Shift, Ctrl, Alt and Meta each up or down. */
    private static Optional<String> sharedPress(List<KeyCombination> first, List<KeyCombination> second) {
        for (KeyCombination a : first) {
            for (KeyCombination b : second) {
                KeyCode code = ((KeyCodeCombination) a).getCode();
                if (code != ((KeyCodeCombination) b).getCode()) {
                    continue;
                }
                for (int modifiers = 0; modifiers < 16; modifiers++) {
                    KeyEvent event = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, (modifiers & 1) != 0,
                            (modifiers & 2) != 0, (modifiers & 4) != 0, (modifiers & 8) != 0);
                    if (a.match(event) && b.match(event)) {
                        return Optional.of(event.toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The lines of {@code help} under the heading of {@code context}, up to the next blank line. */
    private static String section(String help, Keys.Context context) {
        String[] blocks = help.split("\n\n");
        for (String block : blocks) {
            if (block.startsWith(context.heading() + "\n")) {
                return block;
            }
        }
        throw new AssertionError("no section " + context.heading() + " in:\n" + help);
    }

    private static KeyEvent press(KeyCode code, boolean shift, boolean control, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, alt, false);
    }
}
