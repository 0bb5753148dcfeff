package org.factspan.format;

import java.nio.file.Path;
import java.util.Locale;

import org.factspan.store.ProjectStore;

/**
 * What a file is, by the ending of its name (any case): the one place that decides it, so the window, the command
 * line and review mode agree on which reader a file gets. The readers still refuse a file whose content is not what
 * its name says.
 */
public enum FileKind {
    /** A plain-text article, {@code .txt}. */
    ARTICLE(".txt"),
    /** A FactSpan JSON export, {@code .json}. */
    EXPORT(".json"),
    /** A FactSpan project, {@code .factspan}. */
    PROJECT(ProjectStore.EXTENSION),
    /** Any other name. */
    OTHER(null);

    private final String extension;

    FileKind(String extension) {
        this.extension = extension;
    }

    public static FileKind of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return OTHER;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (FileKind kind : values()) {
            if (kind.extension != null && lower.endsWith(kind.extension)) {
                return kind;
            }
        }
        return OTHER;
    }
}
