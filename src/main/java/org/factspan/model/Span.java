package org.factspan.model;

/**
 * A stretch of a document's text: {@code [start, end)} in <b>Unicode code points</b>, 0-based and half-open.
 *
 * <h2>The offset rules (the same in the project file, the exports and the command line)</h2>
 * <ul>
 *   <li>Offsets count code points of the stored, normalized text (line ends are LF only). An emoji such as U+1F4A5
 *       counts as 1, as in Python's {@code text[start:end]}, brat, doccano, Label Studio and the W3C model. Java
 *       strings count UTF-16 units, in which that emoji is 2: only the window converts, through
 *       {@link CodePointIndex}.</li>
 *   <li>{@code 0 <= start < end <= length}: a span is never empty and never reaches past the text.</li>
 *   <li>The code point at {@code start} is covered; the one at {@code end} is not. Two spans {@code [0,5)} and
 *       {@code [5,9)} touch but do not overlap.</li>
 *   <li>An annotation's quote is exactly {@code text[start:end]}; every write and import checks it.</li>
 * </ul>
 *
 * <h2>Which arrangements of annotations are allowed</h2>
 * <pre>
 *   text:      Mr Budanov said Russia helped Hamas
 *   claim:                     [-----------------]     allowed: spans of different labels may overlap
 *   attribution: [--------]                            allowed: anywhere, also inside another span
 *   evidence:            [---------]                   allowed: partial overlap
 *   claim:                     [------]                allowed: nested in a claim, same label
 *   claim:                     [-----------------]     REFUSED: same label and same offsets as another
 * </pre>
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || start >= end) {
            throw new FactSpanException("The span [" + start + ", " + end + ") is empty or negative.");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** How many code points the two spans share. */
    public int overlap(Span other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    public boolean contains(int offset) {
        return start <= offset && offset < end;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
