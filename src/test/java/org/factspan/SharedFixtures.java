package org.factspan;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared}, the folder beside the project with the seed articles and the fixtures written by other tools,
 * which tests read in place rather than copy into the project.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /**
     * The shared folder: the {@code factspan.shared} system property when it names one, else the first {@code shared}
     * folder holding {@code seeds} found beside the working directory or one of its ancestors, since a worktree may
     * sit deeper than the project. Skips the calling test when there is none.
     */
    public static Path shared() {
        String property = System.getProperty("factspan.shared");
        if (property != null && isShared(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (isShared(candidate)) {
                return candidate;
            }
        }
        return abort("no shared folder with seeds beside the project");
    }

    private static boolean isShared(Path dir) {
        return Files.isDirectory(dir.resolve("seeds"));
    }
}
