package org.factspan.ui.article;

import java.util.List;
import java.util.Optional;

import javafx.scene.input.KeyEvent;

import org.factspan.model.Annotation;
import org.factspan.model.LinkType;
import org.factspan.ui.Keys;
import org.factspan.ui.workbench.Workbench;

/**
 * Linking by keyboard, after L with an annotation selected: Tab / Shift+Tab select the annotations the selected one
 * may link to (the text shows each in turn), Enter takes one, and a digit picks the link type among those the status
 * bar lists; Esc cancels. The status bar says what to press at each step, because nothing else on the screen does.
 *
 * <p>Stepping selects each candidate in the workbench, so the article, the table and the details show it as usual;
 * the source is selected again before the link is made and when linking ends, so linking never loses the selection.
 */
final class LinkMode {

    private final Workbench workbench;
    /** The annotation the link starts at; null when not linking. */
    private Annotation source;
    private List<Annotation> targets = List.of();
    private int current;
    /** The chosen target, once Enter was pressed; the digit keys act only then. */
    private Annotation target;
    private List<LinkType> types = List.of();
    /** Whether link mode itself is changing the selection, which must not end it. */
    private boolean selecting;

    LinkMode(Workbench workbench) {
        this.workbench = workbench;
        // A click or a row chosen in the table picks something else than the candidate Enter would take.
        workbench.selectedProperty().addListener((obs, old, now) -> {
            if (active() && !selecting) {
                end();
                workbench.messageProperty().set("Linking ended: another annotation was selected.");
            }
        });
    }

    boolean active() {
        return source != null;
    }

    /** Starts linking from the selected annotation; says why not when nothing is selected or nothing fits. */
    void start() {
        Annotation from = workbench.selected();
        if (from == null) {
            workbench.messageProperty().set("Select an annotation (Tab or a click), then press "
                    + Keys.LINK.keyText() + " to link it.");
            return;
        }
        List<Annotation> candidates = workbench.linkTargetsOfSelected();
        if (candidates.isEmpty()) {
            workbench.messageProperty().set("No link type starts at a " + from.label()
                    + " annotation with an annotation of this document at its other end.");
            return;
        }
        source = from;
        targets = candidates;
        target = null;
        // The first candidate after the source, as Tab would go on from it.
        current = 0;
        while (current < targets.size() && Annotation.READING_ORDER.compare(targets.get(current), from) < 0) {
            current++;
        }
        current %= targets.size();
        showCandidate();
    }

    /** Handles a key press while linking; every key but a modifier's own press ends up here and is used up. */
    void onKey(KeyEvent event) {
        Optional<Keys> action = Keys.of(Keys.Context.LINK, event);
        if (action.isEmpty()) {
            return;
        }
        switch (action.get()) {
            case NEXT_LINK_TARGET, PREVIOUS_LINK_TARGET -> {
                if (target == null) {
                    int step = action.get() == Keys.NEXT_LINK_TARGET ? 1 : -1;
                    current = Math.floorMod(current + step, targets.size());
                    showCandidate();
                }
            }
            case CHOOSE_LINK_TARGET -> {
                if (target == null) {
                    chooseTarget();
                }
            }
            case LINK_TYPE -> {
                int number = event.getCode().getName().charAt(0) - '0';
                if (target != null && number >= 1 && number <= types.size()) {
                    link(types.get(number - 1));
                }
            }
            case CANCEL_LINK -> cancel();
            default -> throw new IllegalArgumentException(action.get() + " is no link mode key");
        }
    }

    /** Ends linking without a link, back on the source. */
    void cancel() {
        Annotation from = source;
        end();
        select(from);
        workbench.messageProperty().set("Linking cancelled.");
    }

    private void showCandidate() {
        Annotation candidate = targets.get(current);
        select(candidate);
        workbench.messageProperty().set("Link " + quote(source) + " to " + quote(candidate) + " (" + candidate.label()
                + ", " + (current + 1) + " of " + targets.size() + "): Tab / Shift+Tab for another, Enter to take it,"
                + " Esc to cancel.");
    }

    private void chooseTarget() {
        target = targets.get(current);
        types = workbench.linkTypesFor(source.label(), target.label());
        StringBuilder offer = new StringBuilder("Link type:");
        for (int i = 0; i < types.size() && i < 9; i++) {
            offer.append("  ").append(i + 1).append(' ').append(types.get(i).name());
        }
        workbench.messageProperty().set(offer.append("  (Esc cancels)").toString());
    }

    private void link(LinkType type) {
        Annotation from = source;
        Annotation to = target;
        end();
        select(from);
        // The status bar still offers the types; a link made clears no message, so it says so itself.
        workbench.linkSelected(type.name(), to.id()).ifPresent(link -> workbench.messageProperty()
                .set("Linked " + quote(from) + " to " + quote(to) + " as " + link.type() + "."));
    }

    private void select(Annotation annotation) {
        selecting = true;
        try {
            workbench.select(annotation);
        } finally {
            selecting = false;
        }
    }

    /** Ends linking where it is, as when another document opens and the annotations it stepped through are gone. */
    void abandon() {
        end();
    }

    private void end() {
        source = null;
        target = null;
        targets = List.of();
        types = List.of();
    }

    private static String quote(Annotation a) {
        String text = a.quote().replace('\n', ' ');
        return "\u201C" + (text.length() > 40 ? text.substring(0, 39) + "\u2026" : text) + "\u201D";
    }
}
