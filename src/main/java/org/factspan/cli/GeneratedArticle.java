package org.factspan.cli;

import java.util.Random;

/**
 * News-like text for benchmarks: sentences in paragraphs, with some Cyrillic and an emoji now and then, so that code
 * point and UTF-16 offsets differ as they do in real articles. The same seed gives the same text.
 */
public final class GeneratedArticle {

    private static final String[] WORDS = {"the", "minister", "said", "that", "Russia", "supplied", "weapons",
        "according", "to", "officials", "report", "denied", "claims", "evidence", "shows", "data", "2024", "percent",
        "Kyiv", "Москва", "заявила", "intelligence", "drones", "statement", "spokesperson", "💥"};

    private GeneratedArticle() {
    }

    /** At least {@code chars} UTF-16 units of text. */
    public static String text(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 100);
        while (text.length() < chars) {
            int sentences = 2 + random.nextInt(5);
            for (int s = 0; s < sentences; s++) {
                int length = 8 + random.nextInt(20);
                for (int w = 0; w < length; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    text.append(w == length - 1 ? ". " : " ");
                }
            }
            text.setLength(text.length() - 1);
            text.append("\n\n");
        }
        return text.toString();
    }
}
