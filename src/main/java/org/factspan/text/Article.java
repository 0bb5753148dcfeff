package org.factspan.text;

import java.nio.charset.Charset;

/**
 * An article's text as read from a file, before it becomes a {@link org.factspan.model.Document}.
 *
 * <p>{@code text} is normalized (line ends are LF, no byte order mark) and otherwise exactly what the file holds, so
 * offsets counted on it stay valid for anyone who reads the same file with FactSpan. {@code sha256} is
 * {@link Sha256#hex(String)} of that text. {@code encoding} is the one the bytes were decoded with, kept so the user
 * can see a guess the detector made for a legacy file.
 *
 * @param title    the file name without its {@code .txt} extension
 * @param source   where the text came from: the absolute path, or the name given for bytes read in memory
 * @param text     the normalized text
 * @param sha256   lowercase hex SHA-256 of the UTF-8 bytes of {@code text}
 * @param encoding the character encoding the bytes were decoded with
 */
public record Article(String title, String source, String text, String sha256, Charset encoding) {
}
