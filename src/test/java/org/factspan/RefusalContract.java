package org.factspan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.factspan.model.FactSpanException;

/**
 * What the fuzz tests demand of every refusal: the one sentence the command line prints and the window shows as it is.
 *
 * <p>A user reads these messages, so a Java class name, an exception's name or a second line in one means an internal
 * message leaked through instead of FactSpan's own sentence.
 */
public final class RefusalContract {

    /** What only an internal message holds: Java package prefixes and the names of throwables. */
    private static final List<String> INTERNAL_WORDS = List.of("com.fasterxml", "java.", "javax.", "jdk.", "sun.",
            "org.factspan", "org.sqlite", "org.mozilla", "Exception", "Error", "Throwable", "null.");

    /**
     * The line terminators of Java's regular expressions; a terminal or dialog breaks the line at each. Unlike the
     * internal words these count even when the input holds them: a quoted title with a line break still splits the
     * sentence the user reads.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("[\n\r\u0085\u2028\u2029]");

    private RefusalContract() {
    }

    /**
     * Asserts that {@code refusal} is one clear sentence. A word from {@link #INTERNAL_WORDS} is allowed only when the
     * input itself holds it, because messages quote the input (a title, an id) and the fuzzer writes anything there.
     */
    public static void assertOneSentence(FactSpanException refusal, byte[] input) {
        String message = refusal.getMessage();
        assertNotNull(message, "a refusal without a message");
        assertFalse(message.isBlank(), "a refusal with a blank message");
        assertTrue(message.endsWith("."), () -> "a refusal that is not a sentence ending in a full stop: " + message);
        String inputText = new String(input, StandardCharsets.UTF_8) + new String(input, StandardCharsets.ISO_8859_1);
        assertFalse(LINE_BREAK.matcher(message).find(), () -> "a refusal of more than one line: " + message);
        // FactSpan's own "not a string or null." ends with a word that otherwise marks a NullPointerException's text.
        String ours = message.replace("a string or null.", "a string.");
        for (String word : INTERNAL_WORDS) {
            // The "..." that ends an abbreviated quote can follow a quoted "java" and read as "java.".
            String quoted = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            assertFalse(ours.contains(word) && !inputText.contains(quoted),
                    () -> "a refusal that leaks \"" + word + "\" from an internal message: " + message);
        }
    }
}
