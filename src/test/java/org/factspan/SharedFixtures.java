package org.factspan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared folder (fixtures, seeds) that lives beside the project's worktrees, so tests on real texts run where
 * it exists and are skipped, not failed, where it does not.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The folder named by {@code -Dfactspan.shared}, else the first sibling {@code shared} holding {@code seeds}. */
    public static Optional<Path> shared() {
        String property = System.getProperty("factspan.shared");
        if (property != null && isShared(Path.of(property))) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.getParent().resolve("shared");
            if (isShared(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    private static boolean isShared(Path dir) {
        return Files.isDirectory(dir.resolve("seeds"));
    }
}
