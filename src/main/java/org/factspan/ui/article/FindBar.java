package org.factspan.ui.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.factspan.ui.Keys;
import org.factspan.ui.view.StyleMarks;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Finds text in the article (ignoring case), highlights every match, and steps through them with the
 * {@link Keys.Context#FIND} keys. Matches are display ranges; they are laid over the annotation styles, never stored.
 */
final class FindBar {

    private final ArticleView view;
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final HBox bar;
    private final List<int[]> matches = new ArrayList<>();
    private int current = -1;

    FindBar(ArticleView view) {
        this.view = view;
        field.setPromptText("Find in article");
        field.setPrefColumnCount(24);
        HBox.setHgrow(field, Priority.SOMETIMES);
        Button previous = new Button("Previous");
        Button next = new Button("Next");
        Button close = new Button("Close");
        previous.setOnAction(e -> step(-1));
        next.setOnAction(e -> step(1));
        close.setOnAction(e -> hide());
        count.getStyleClass().add("find-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        bar = new HBox(6, field, count, previous, next, close);
        bar.getStyleClass().add("find-bar");
        bar.setVisible(false);
        bar.setManaged(false);
        field.textProperty().addListener((obs, old, text) -> search(text));
        field.setOnKeyPressed(e -> Keys.of(Keys.Context.FIND, e).ifPresent(action -> {
            switch (action) {
                case FIND_NEXT -> step(1);
                case FIND_PREVIOUS -> step(-1);
                case CLOSE_FIND -> hide();
                default -> throw new IllegalArgumentException(action + " is no find bar key");
            }
            e.consume();
        }));
    }

    Node node() {
        return bar;
    }

    void show() {
        bar.setVisible(true);
        bar.setManaged(true);
        field.requestFocus();
        field.selectAll();
        search(field.getText());
    }

    void hide() {
        boolean wasShowing = bar.isVisible();
        bar.setVisible(false);
        bar.setManaged(false);
        int[] restyle = extent();
        matches.clear();
        current = -1;
        if (wasShowing) {
            if (restyle != null) {
                view.restyleDisplayRange(restyle[0], restyle[1]);
            }
            view.focus();
        }
    }

    /** The number of matches, for tests. */
    int matchCount() {
        return matches.size();
    }

    private void search(String query) {
        int[] old = extent();
        matches.clear();
        current = -1;
        String text = view.displayText();
        if (!query.isEmpty() && !text.isEmpty()) {
            String haystack = text.toLowerCase(Locale.ROOT);
            String needle = query.toLowerCase(Locale.ROOT);
            if (haystack.length() == text.length()) {
                for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
                    matches.add(new int[] {at, at + needle.length()});
                }
            }
        }
        int[] now = extent();
        if (old != null) {
            view.restyleDisplayRange(old[0], old[1]);
        }
        if (now != null) {
            view.restyleDisplayRange(now[0], now[1]);
        }
        if (!matches.isEmpty()) {
            step(1);
        } else {
            count.setText(query.isEmpty() ? "" : "No matches");
        }
    }

    private void step(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        current = Math.floorMod(current + direction, matches.size());
        int[] match = matches.get(current);
        view.area().selectRange(match[0], match[1]);
        view.area().requestFollowCaret();
        count.setText((current + 1) + " of " + matches.size());
    }

    /** The display range from the first to the last match, or null. */
    private int[] extent() {
        return matches.isEmpty() ? null : new int[] {matches.get(0)[0], matches.get(matches.size() - 1)[1]};
    }

    /** Adds the {@code find-match} class to the matches inside {@code styles}, which starts at display {@code from}. */
    StyleSpans<Collection<String>> overlay(StyleSpans<Collection<String>> styles, int from) {
        return StyleMarks.add(styles, from, matches, "find-match");
    }
}
