package org.factspan.ui.main;

import java.util.List;

import org.factspan.model.Label;

/** The keyboard shortcuts, as Help shows them. */
final class Shortcuts {

    private Shortcuts() {
    }

    static String text(List<Label> labels) {
        StringBuilder text = new StringBuilder("In the article\n");
        for (Label label : labels) {
            if (label.key() > 0) {
                text.append(String.format("  %-22s tag the selection as %s (or relabel the selected annotation)%n",
                        String.valueOf(label.key()), label.name()));
            }
        }
        text.append("""
                  Shift+Arrows           select by character; Ctrl+Shift+Arrows by word
                  Alt while selecting    keep exact characters (no snapping to whole words)
                  Tab / Shift+Tab        next / previous annotation
                  Delete                 delete the selected annotation
                  Enter                  edit the note of the selected annotation
                  M                      move the selected annotation to the selected text (its boundaries)
                  Escape                 clear the selection

                Everywhere
                  Ctrl+Z                 undo
                  Ctrl+Shift+Z, Ctrl+Y   redo
                  Ctrl+F                 find in the article (Enter / Shift+Enter: next / previous)
                  Ctrl+= / Ctrl+- / Ctrl+0   zoom in / out / actual size
                  Ctrl+Shift+D           dark / light theme
                  Ctrl+I                 import articles
                  Ctrl+E                 export
                  Ctrl+O / Ctrl+N        open / new project
                  Ctrl+Q                 quit

                Reviewing a colleague's file (Ctrl+R)
                  F8 / Shift+F8          next / previous difference
                  K / T / B / X          keep mine / accept theirs / accept both / reject both
                  C                      comment on the difference
                """);
        return text.toString();
    }
}
