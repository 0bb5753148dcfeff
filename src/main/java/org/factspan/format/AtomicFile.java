package org.factspan.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.factspan.model.FactSpanException;

/**
 * Writes a file beside its target and renames it into place, so an interrupted export never leaves a truncated file
 * that looks complete, and an existing file is replaced only by a whole new one.
 */
public final class AtomicFile {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            // Not Files.createTempFile: it makes the file private (0600), and the export would keep that mode after
            // the rename. Opened without attributes, the file gets the user's usual mode (0666 less the umask).
            Path candidate = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
            try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                // Only a file this call created is deleted below, never one that held the name before.
                partial = candidate;
                content.writeTo(out);
                out.flush();
                // On disk before the rename, so a power cut leaves the old file or the whole new one.
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FactSpanException("Could not write " + target + ": " + e.getMessage() + ".", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // A leftover hidden .part file is harmless.
                }
            }
        }
    }
}
