package org.factspan.model;

import java.util.Locale;

/** What a reviewer decided about one difference between their annotations and a colleague's. */
public enum Decision {
    /** My annotation stays as it is; theirs is not taken. */
    KEEP_MINE,
    /** Their annotation replaces mine (or is added, where I had none). */
    ACCEPT_THEIRS,
    /** Both stay: mine, and theirs added beside it. */
    ACCEPT_BOTH,
    /** Neither: mine is deleted and theirs is not taken. */
    REJECT_BOTH;

    /** The name in the project file, e.g. {@code accept_theirs}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** For menus and the status line, e.g. "accept theirs". */
    public String describe() {
        return key().replace('_', ' ');
    }
}
