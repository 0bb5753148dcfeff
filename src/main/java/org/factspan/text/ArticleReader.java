package org.factspan.text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.factspan.model.FactSpanException;

/**
 * Reads an article from a {@code .txt} file, the way every import into FactSpan begins.
 *
 * <p>The text keeps every character of the file except the byte order mark and the line ends, which become LF: the
 * same article saved on Windows and on Linux must give the same text, the same hash and the same offsets. Nothing
 * else is touched, neither whitespace nor Unicode normalization, because annotators quote the text exactly and other
 * tools count offsets on the file as it is. How the encoding is found is told in {@code TextDecoder}.
 *
 * <p>Whatever cannot be read is refused with a {@link FactSpanException} whose one sentence names the file.
 */
public final class ArticleReader {

    /**
     * The largest file FactSpan reads. A news article is well under 1 MB; the limit keeps a mistaken drop of a video
     * or a database from exhausting memory, and is checked before any byte is read.
     */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final String EXTENSION = ".txt";

    private ArticleReader() {
    }

    /**
     * Reads the article in {@code file}; its title is the file name without {@code .txt} and its source the absolute
     * path.
     *
     * @throws FactSpanException when the file is missing, a folder, unreadable, larger than {@link #MAX_BYTES},
     *                           empty, binary, or not text in an encoding FactSpan reads
     */
    public static Article read(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        byte[] bytes = readBytes(file, source);
        return article(file.getFileName().toString(), source, bytes);
    }

    /**
     * Reads an article from bytes already in memory, such as a file dropped onto the window.
     *
     * @param fileName the name the bytes go by: the title is made from it, and it is the source and what refusals
     *                 name
     * @throws FactSpanException as {@link #read(Path)} does for the content
     */
    public static Article read(String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        return article(fileName, fileName, bytes);
    }

    private static Article article(String fileName, String source, byte[] bytes) {
        TextDecoder.Decoded decoded = TextDecoder.decode(source, bytes);
        String text = LineEnds.normalize(decoded.text());
        return new Article(title(fileName), source, text, Sha256.hex(text), decoded.encoding());
    }

    private static byte[] readBytes(Path file, String source) {
        if (Files.isDirectory(file)) {
            throw new FactSpanException(source + " is a folder, not a text file.");
        }
        if (!Files.exists(file)) {
            throw new FactSpanException(source + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new FactSpanException(source + " is not a regular file.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(source, size);
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new FactSpanException("FactSpan is not allowed to read " + source + ".", e);
        } catch (IOException e) {
            throw new FactSpanException("Could not read " + source + " (" + e.getMessage() + ").", e);
        }
    }

    private static FactSpanException tooLarge(String source, long size) {
        return new FactSpanException(String.format(Locale.ROOT,
                "%s is %,d bytes, larger than the %,d bytes (%d MB) FactSpan imports.", source, size, MAX_BYTES,
                MAX_BYTES >> 20));
    }

    private static String title(String fileName) {
        int stem = fileName.length() - EXTENSION.length();
        boolean hasExtension = stem > 0 && fileName.regionMatches(true, stem, EXTENSION, 0, EXTENSION.length());
        return hasExtension ? fileName.substring(0, stem) : fileName;
    }
}
