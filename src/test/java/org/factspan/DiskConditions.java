package org.factspan;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real disk conditions for tests - a write-protected file or folder, a nearly full disk - undone by {@link #close}.
 *
 * <p>Root may write any file whatever its mode, so as root a file is protected with {@code chattr +i} (immutable,
 * which binds root too) and a full disk is a small tmpfs mounted for the test. Where neither is possible the calling
 * test is skipped, as a user's machine without these rights would skip it.
 */
public final class DiskConditions implements AutoCloseable {

    private final List<Runnable> undo = new ArrayList<>();

    /** Makes {@code path} (a file or a folder) unwritable for the user running the tests. */
    public void writeProtect(Path path) throws IOException {
        if (isRoot()) {
            assumeTrue(run("chattr", "+i", path.toString()), "chattr +i is not available here");
            undo.add(0, () -> run("chattr", "-i", path.toString()));
        } else {
            var before = Files.getPosixFilePermissions(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            undo.add(0, () -> {
                try {
                    Files.setPosixFilePermissions(path, before);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assumeTrue(!Files.isWritable(path), path + " stayed writable");
    }

    /** A new empty folder on a file system of {@code kilobytes}, to fill up. */
    public Path smallDisk(Path parent, int kilobytes) throws IOException {
        assumeTrue(isRoot(), "mounting a small disk needs root");
        Path mount = Files.createTempDirectory(parent, "small-disk");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", mount.toString()),
                "cannot mount a tmpfs here");
        undo.add(0, () -> run("umount", "-l", mount.toString()));
        return mount;
    }

    @Override
    public void close() {
        undo.forEach(Runnable::run);
        undo.clear();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
