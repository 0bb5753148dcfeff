package org.factspan.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import org.factspan.model.Label;

/**
 * The one table of the keys FactSpan handles itself: the menus take their accelerators from it, the article, the
 * review panel, the find bar and the note dialog dispatch their key presses through it, and Help > Keyboard Shortcuts
 * is written from it. Each action has its key combinations (the first is the menu's accelerator), the context where
 * they work, and the words Help shows.
 *
 * <p>Some actions are shift-free: they also take their key with Shift held, because Shift is often still down from
 * selecting text with Shift+arrows; their menu accelerator and their line in Help are the combination without Shift.
 */
public enum Keys {

    TAG(Context.ARTICLE, "tag the selection as %s (or relabel the selected annotation)", true, digitKeys()),
    NEXT_ANNOTATION(Context.ARTICLE, "next annotation", false, "Tab"),
    PREVIOUS_ANNOTATION(Context.ARTICLE, "previous annotation", false, "Shift+Tab"),
    DELETE_ANNOTATION(Context.ARTICLE, "delete the selected annotation", true, "Delete", "Backspace"),
    EDIT_NOTE(Context.ARTICLE, "edit the note of the selected annotation", true, "Enter"),
    MOVE_ANNOTATION(Context.ARTICLE, "move the selected annotation to the selected text (its boundaries)", true, "M"),
    CLEAR_SELECTION(Context.ARTICLE, "clear the selection", true, "Esc"),
    LINK(Context.ARTICLE, "link the selected annotation to another", true, "L"),

    NEXT_LINK_TARGET(Context.LINK, "next annotation it may link to", false, "Tab"),
    PREVIOUS_LINK_TARGET(Context.LINK, "previous annotation it may link to", false, "Shift+Tab"),
    CHOOSE_LINK_TARGET(Context.LINK, "link to it, then pick the link type by its number", true, "Enter"),
    LINK_TYPE(Context.LINK, "the link type with that number", true, "1", "2", "3", "4", "5", "6", "7", "8", "9"),
    CANCEL_LINK(Context.LINK, "cancel linking", true, "Esc"),

    UNDO(Context.WINDOW, "undo", false, "Shortcut+Z"),
    REDO(Context.WINDOW, "redo", false, "Shortcut+Shift+Z", "Shortcut+Y"),
    FIND(Context.WINDOW, "find in the article", false, "Shortcut+F"),
    ZOOM_IN(Context.WINDOW, "zoom in", false, "Shortcut+Equals"),
    ZOOM_OUT(Context.WINDOW, "zoom out", false, "Shortcut+Minus"),
    ACTUAL_SIZE(Context.WINDOW, "actual size", false, "Shortcut+0"),
    DARK_THEME(Context.WINDOW, "dark / light theme", false, "Shortcut+Shift+D"),
    IMPORT(Context.WINDOW, "import articles", false, "Shortcut+I"),
    EXPORT(Context.WINDOW, "export", false, "Shortcut+E"),
    OPEN_PROJECT(Context.WINDOW, "open a project", false, "Shortcut+O"),
    NEW_PROJECT(Context.WINDOW, "new project", false, "Shortcut+N"),
    REVIEW(Context.WINDOW, "review a colleague's file", false, "Shortcut+R"),
    SHORTCUTS(Context.WINDOW, "these keyboard shortcuts", false, "F1"),
    QUIT(Context.WINDOW, "quit", false, "Shortcut+Q"),

    NEXT_DIFFERENCE(Context.REVIEW, "next difference", false, "F8"),
    PREVIOUS_DIFFERENCE(Context.REVIEW, "previous difference", false, "Shift+F8"),
    KEEP_MINE(Context.REVIEW, "keep mine", true, "K"),
    ACCEPT_THEIRS(Context.REVIEW, "accept theirs", true, "T"),
    ACCEPT_BOTH(Context.REVIEW, "accept both", true, "B"),
    REJECT_BOTH(Context.REVIEW, "reject both", true, "X"),
    COMMENT(Context.REVIEW, "comment on the difference", true, "C"),

    FIND_NEXT(Context.FIND, "next match", false, "Enter"),
    FIND_PREVIOUS(Context.FIND, "previous match", false, "Shift+Enter"),
    CLOSE_FIND(Context.FIND, "close the find bar", true, "Esc"),

    SAVE_NOTE(Context.NOTE, "save the note (Enter starts a new line)", true, "Shortcut+Enter");

    /** Where an action's keys work. */
    public enum Context {
        ARTICLE("In the article"),
        LINK("While linking (after L)"),
        WINDOW("Everywhere"),
        REVIEW("Reviewing a colleague's file"),
        FIND("In the find bar"),
        NOTE("In the note dialog");

        private final String heading;

        Context(String heading) {
            this.heading = heading;
        }

        /** The heading of this context's keys in Help. */
        public String heading() {
            return heading;
        }

        /**
         * Whether a key press can reach actions of both contexts. The window's accelerators reach every part of
         * the window; while linking, the article hands every plain key to link mode, otherwise to the review first.
         * The find bar and the article never have the keyboard at once, and the note dialog is a window of its own.
         */
        public boolean overlaps(Context other) {
            if (this == other) {
                return true;
            }
            if (this == NOTE || other == NOTE) {
                return false;
            }
            if (this == LINK || other == LINK) {
                return this != ARTICLE && other != ARTICLE && this != FIND && other != FIND;
            }
            return !(this == FIND && other == ARTICLE || this == ARTICLE && other == FIND);
        }
    }

    /** What the text area does by itself, listed in Help beside the table's article keys. */
    private static final List<String[]> TEXT_AREA_KEYS = List.of(
            new String[] {"Shift+Arrows", "select by character; Ctrl+Shift+Arrows by word"},
            new String[] {"Alt while selecting", "keep exact characters (no snapping to whole words)"});

    private final Context context;
    private final String help;
    private final List<KeyCombination> combinations;
    private final List<KeyCombination> matched;

    Keys(Context context, String help, boolean shiftFree, String... combinations) {
        this.context = context;
        this.help = help;
        this.combinations = Arrays.stream(combinations).map(KeyCombination::keyCombination).toList();
        this.matched = shiftFree ? this.combinations.stream().map(Keys::anyShift).toList() : this.combinations;
    }

    public Context context() {
        return context;
    }

    /** The key combinations as written in the table, the first being the menu's accelerator. */
    public List<KeyCombination> combinations() {
        return combinations;
    }

    public KeyCombination accelerator() {
        return combinations.get(0);
    }

    /** The combinations a key press is matched against: with Shift up or down when the action is shift-free. */
    public List<KeyCombination> matched() {
        return matched;
    }

    private static KeyCombination anyShift(KeyCombination combination) {
        KeyCodeCombination c = (KeyCodeCombination) combination;
        return new KeyCodeCombination(c.getCode(), KeyCombination.ModifierValue.ANY, c.getControl(), c.getAlt(),
                c.getMeta(), c.getShortcut());
    }

    /** The keys as Help and button captions show them ("Delete, Back Space"). */
    public String keyText() {
        return String.join(", ", combinations.stream().map(Keys::display).toList());
    }

    /**
     * A combination as Help shows it: as a menu shows it, but with Enter spelt out, because JavaFX draws it as an
     * arrow, which reads well beside a menu item and not in a list of keys.
     */
    public static String display(KeyCombination combination) {
        return combination.getDisplayText().replace("\u21B5", "Enter");
    }

    public boolean matches(KeyEvent event) {
        return matched.stream().anyMatch(c -> c.match(event));
    }

    /** The first action of {@code context} whose keys the key press matches. */
    public static Optional<Keys> of(Context context, KeyEvent event) {
        return Arrays.stream(values()).filter(k -> k.context == context && k.matches(event)).findFirst();
    }

    /** One line of Help: a context's heading (keys and help null), or keys and what they do. */
    public record HelpLine(String heading, String keys, String help) {
    }

    /** Help's lines: the actions by context, with one line per label that has a key. */
    public static List<HelpLine> helpLines(List<Label> labels) {
        List<HelpLine> lines = new ArrayList<>();
        for (Context context : Context.values()) {
            lines.add(new HelpLine(context.heading, null, null));
            for (Keys action : values()) {
                if (action.context != context) {
                    continue;
                }
                if (action == TAG) {
                    for (Label label : labels) {
                        if (label.key() > 0) {
                            lines.add(new HelpLine(null, String.valueOf(label.key()),
                                    String.format(TAG.help, label.name())));
                        }
                    }
                    TEXT_AREA_KEYS.forEach(keys -> lines.add(new HelpLine(null, keys[0], keys[1])));
                } else {
                    lines.add(new HelpLine(null, action.keyText(), action.help));
                }
            }
        }
        return lines;
    }

    /** Help as plain text, a heading per context and a line per key. */
    public static String help(List<Label> labels) {
        StringBuilder text = new StringBuilder();
        for (HelpLine line : helpLines(labels)) {
            if (line.heading() != null) {
                text.append(text.isEmpty() ? "" : "\n").append(line.heading()).append('\n');
            } else {
                text.append(String.format("  %-22s %s%n", line.keys(), line.help()));
            }
        }
        return text.toString();
    }

    /** The label keys: the digits 1-9, on the main keys or the number pad. */
    private static String[] digitKeys() {
        List<String> keys = new ArrayList<>();
        for (int digit = 1; digit <= 9; digit++) {
            keys.add(String.valueOf(digit));
            keys.add(KeyCode.valueOf("NUMPAD" + digit).getName());
        }
        return keys.toArray(String[]::new);
    }
}
