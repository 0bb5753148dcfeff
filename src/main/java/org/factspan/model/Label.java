package org.factspan.model;

import java.util.regex.Pattern;

/**
 * A tag an annotation carries: its name (unique in a project), its display colour as {@code #RRGGBB}, and the key
 * 1-9 that applies it in the window (0 when it has none).
 */
public record Label(String name, String color, int key) {

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,64}");

    public Label {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FactSpanException("The label name \"" + Texts.abbreviate(String.valueOf(name), 70)
                    + "\" is not allowed; use 1 to 64 letters, digits, '_', '.' or '-'.");
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new FactSpanException("The colour \"" + Texts.abbreviate(String.valueOf(color), 20) + "\" of label "
                    + name + " is not of the form #RRGGBB.");
        }
        if (key < 0 || key > 9) {
            throw new FactSpanException("The key " + key + " of label " + name + " is not between 1 and 9.");
        }
        color = color.toUpperCase(java.util.Locale.ROOT);
    }
}
