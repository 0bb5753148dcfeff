package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A labelled span of one document.
 *
 * <p>{@code start} and {@code end} follow the rules in {@link Span}; {@code quote} is {@code text[start:end]} of the
 * document. Times are UTC. {@code note} is null when there is none. Annotations are values: an edit makes a new one
 * with the same id.
 */
public record Annotation(String id, String documentId, String label, int start, int end, String quote,
                         String annotator, Instant created, Instant modified, String note) {

    /**
     * The one order of a document's annotations everywhere - the project file's reads, the exports, the window's list
     * and its highlighting: by start; of spans that start together the longer (outer) first; then by label name and
     * id, so that no two annotations tie. The store's SQL mirrors it ({@code store.AnnotationChunks.READING_ORDER}).
     * Names compare by code point, which is the order of their UTF-8 bytes and so SQLite's binary collation
     * ({@link String#compareTo} differs from it for characters beyond U+FFFF).
     */
    public static final java.util.Comparator<Annotation> READING_ORDER =
            java.util.Comparator.comparingInt(Annotation::start)
                    .thenComparing(java.util.Comparator.comparingInt(Annotation::end).reversed())
                    .thenComparing(Annotation::label, Annotation::byCodePoint)
                    .thenComparing(Annotation::id, Annotation::byCodePoint);

    private static int byCodePoint(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Half of a character beyond U+FFFF against a character of the first plane: the former is greater.
                boolean xBeyond = Character.isSurrogate(x);
                if (xBeyond != Character.isSurrogate(y)) {
                    return xBeyond ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
    }

    public Span span() {
        return new Span(start, end);
    }

    public Annotation withLabel(String newLabel, Instant at) {
        return new Annotation(id, documentId, newLabel, start, end, quote, annotator, created, at, note);
    }

    public Annotation withNote(String newNote, Instant at) {
        return new Annotation(id, documentId, label, start, end, quote, annotator, created, at, newNote);
    }

    public Annotation withSpan(int newStart, int newEnd, String newQuote, Instant at) {
        return new Annotation(id, documentId, label, newStart, newEnd, newQuote, annotator, created, at, note);
    }

    /**
     * Checks this annotation against the text of its document: the offsets lie inside it and the quote is the slice
     * they cover.
     *
     * @throws FactSpanException naming this annotation and what is wrong
     */
    public void checkAgainst(CodePointIndex text) {
        if (start >= end) {
            throw new FactSpanException(named() + " has offsets [" + start + ", " + end
                    + "), but its start must be less than its end.");
        }
        if (start < 0 || end > text.length()) {
            throw new FactSpanException(named() + " has offsets [" + start + ", " + end
                    + ") outside the document, which is " + text.length() + " code points long.");
        }
        String slice = text.slice(start, end);
        if (!slice.equals(quote)) {
            throw new FactSpanException(named() + " quotes \"" + Texts.abbreviate(quote, 60)
                    + "\" but the text at [" + start + ", " + end + ") is \"" + Texts.abbreviate(slice, 60) + "\".");
        }
    }

    /** How a refusal names this annotation; an id from a file may be long or hold a line break. */
    private String named() {
        return "Annotation " + Texts.abbreviate(id, 60);
    }

}
