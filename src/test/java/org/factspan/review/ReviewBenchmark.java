package org.factspan.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Document;
import org.factspan.model.Label;
import org.factspan.text.Sha256;

/**
 * A sanity run of requirement 6, not a test: two sides of 20,000 annotations each on a 1 MB article, compared in full
 * (pairing, re-anchoring, differences, every figure). Prints the median of several runs, once with the same text on
 * both sides and once with their copy in CRLF line endings, which sends every annotation through re-anchoring.
 *
 * <p>Run after {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.factspan.review.ReviewBenchmark}
 */
public final class ReviewBenchmark {

    private static final int ANNOTATIONS = 20_000;
    private static final int TEXT_LENGTH = 1_000_000;
    private static final int RUNS = 7;

    public static void main(String[] args) {
        Random random = new Random(42);
        String text = article(random);
        List<String> labels = org.factspan.store.DefaultLabels.get().stream().map(Label::name).toList();
        List<Annotation> mine = annotations(random, text, labels);
        List<Annotation> theirs = colleague(random, text, labels, mine);
        run("same text", side("mine", text, mine, labels), side("theirs", text, theirs, labels));
        String crlf = text.replace("\n", "\r\n");
        run("their copy in CRLF", side("mine", text, mine, labels),
                side("theirs", crlf, inCrlf(text, crlf, theirs), labels));
    }

    private static void run(String name, ReviewSide mine, ReviewSide theirs) {
        long[] times = new long[RUNS];
        Review review = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            review = Review.compare(mine, theirs);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("%s: median %d ms (min %d, max %d) over %d runs; %s; orphans %d%n", name,
                times[RUNS / 2] / 1_000_000, times[0] / 1_000_000, times[RUNS - 1] / 1_000_000, RUNS,
                review.overall().counts(), review.documents().get(0).orphans().size());
        System.out.println("  " + review.overall().labels());
    }

    /** News-like text: words of 1-12 letters, sentences, paragraphs, now and then an emoji. */
    private static String article(Random random) {
        StringBuilder text = new StringBuilder(TEXT_LENGTH + 200);
        while (text.length() < TEXT_LENGTH) {
            int words = 3 + random.nextInt(25);
            for (int w = 0; w < words; w++) {
                int length = 1 + random.nextInt(12);
                for (int c = 0; c < length; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(random.nextInt(500) == 0 ? " \uD83D\uDCA5 " : " ");
            }
            text.setLength(text.length() - 1);
            text.append(random.nextInt(6) == 0 ? ".\n\n" : ". ");
        }
        return text.toString();
    }

    private static List<Annotation> annotations(Random random, String text, List<String> labels) {
        CodePointIndex index = new CodePointIndex(text);
        List<Annotation> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (result.size() < ANNOTATIONS) {
            int start = wordStart(text, index, random.nextInt(index.length() - 400));
            int end = start + 10 + random.nextInt(190);
            add(result, keys, index, labels.get(random.nextInt(labels.size())), start, end);
        }
        return result;
    }

    /** Mostly mine again; some with another label, some with moved ends, some replaced by spans of their own. */
    private static List<Annotation> colleague(Random random, String text, List<String> labels, List<Annotation> mine) {
        CodePointIndex index = new CodePointIndex(text);
        List<Annotation> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Annotation a : mine) {
            int roll = random.nextInt(100);
            String label = roll < 10 ? labels.get(random.nextInt(labels.size())) : a.label();
            int start = a.start();
            int end = a.end();
            if (roll >= 10 && roll < 25) {
                start = Math.max(0, start + random.nextInt(11) - 5);
                end = Math.max(start + 1, end + random.nextInt(11) - 5);
            } else if (roll >= 25 && roll < 40) {
                start = wordStart(text, index, random.nextInt(index.length() - 400));
                end = start + 10 + random.nextInt(190);
            }
            add(result, keys, index, label, start, end);
        }
        return result;
    }

    private static int wordStart(String text, CodePointIndex index, int offset) {
        int i = index.toUtf16(offset);
        while (i < text.length() && text.charAt(i) != ' ') {
            i++;
        }
        return index.toCodePoint(Math.min(i + 1, text.length() - 1));
    }

    private static void add(List<Annotation> result, Set<String> keys, CodePointIndex index, String label, int start,
                            int end) {
        end = Math.min(end, index.length());
        if (start < end && keys.add(label + start + ":" + end)) {
            result.add(annotation("a" + result.size() + label.charAt(0), label, start, end, index.slice(start, end)));
        }
    }

    /** Their annotations as they would be in their CRLF copy: every LF before a span pushes it on by one. */
    private static List<Annotation> inCrlf(String text, String crlf, List<Annotation> theirs) {
        CodePointIndex lf = new CodePointIndex(text);
        CodePointIndex cr = new CodePointIndex(crlf);
        int[] linesBefore = new int[lf.length() + 1];
        int offset = 0;
        for (int i = 0; i < text.length(); offset++) {
            int c = text.codePointAt(i);
            linesBefore[offset + 1] = linesBefore[offset] + (c == '\n' ? 1 : 0);
            i += Character.charCount(c);
        }
        List<Annotation> moved = new ArrayList<>();
        for (Annotation a : theirs) {
            int start = a.start() + linesBefore[a.start()];
            int end = a.end() + linesBefore[a.end() - 1] + (text.codePointAt(lf.toUtf16(a.end() - 1)) == '\n' ? 1 : 0);
            moved.add(annotation(a.id(), a.label(), start, end, cr.slice(start, end)));
        }
        return moved;
    }

    private static Annotation annotation(String id, String label, int start, int end, String quote) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Annotation(id, "doc", label, start, end, quote, "bench", now, now, null);
    }

    private static ReviewSide side(String name, String text, List<Annotation> annotations, List<String> labels) {
        Document document = new Document(name + "-doc", "Benchmark article", null, Sha256.hex(text), text,
                Instant.parse("2026-01-01T00:00:00Z"));
        return new ReviewSide(Path.of(name + ".factspan"), labels, List.of(new SideDocument(document, annotations)));
    }
}
