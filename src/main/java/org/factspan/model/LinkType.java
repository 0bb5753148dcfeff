package org.factspan.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of link between two annotations of one document - who said a claim ({@code source}), what supports or
 * refutes it, who disputes it - with the labels allowed at each end. A link whose ends carry other labels is refused.
 *
 * @param from the labels a link of this type may start at, in the project's label order
 * @param to the labels it may end at
 */
public record LinkType(String name, List<String> from, List<String> to) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,64}");

    public LinkType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FactSpanException("The link type name \"" + name
                    + "\" is not allowed; use 1 to 64 letters, digits, '_', '.' or '-'.");
        }
        from = List.copyOf(from);
        to = List.copyOf(to);
        if (from.isEmpty() || to.isEmpty()) {
            throw new FactSpanException("The link type " + name + " must name at least one label at each end.");
        }
    }

    /** Whether a link of this type may go from an annotation labelled {@code fromLabel} to one labelled {@code toLabel}. */
    public boolean allows(String fromLabel, String toLabel) {
        return from.contains(fromLabel) && to.contains(toLabel);
    }

    /** "attribution -> claim or denial", for messages. */
    public String rule() {
        return String.join(" or ", from) + " -> " + String.join(" or ", to);
    }
}
