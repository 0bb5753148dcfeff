package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An article as stored in a project: its normalized text and where it came from.
 *
 * <p>{@code sha256} is the hex SHA-256 of the UTF-8 bytes of {@code text}; it identifies the text across projects and
 * exports. {@link #length()} is in code points (see {@link Span}).
 */
public final class Document {

    private final String id;
    private final String title;
    private final String source;
    private final String sha256;
    private final String text;
    private final Instant imported;
    private CodePointIndex index;

    public Document(String id, String title, String source, String sha256, String text, Instant imported) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.source = source;
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.text = Objects.requireNonNull(text, "text");
        this.imported = Objects.requireNonNull(imported, "imported");
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The original file path or URL, or null when unknown. */
    public String source() {
        return source;
    }

    public String sha256() {
        return sha256;
    }

    public String text() {
        return text;
    }

    public Instant imported() {
        return imported;
    }

    /** The offset index of the text, built on first use. */
    public synchronized CodePointIndex index() {
        if (index == null) {
            index = new CodePointIndex(text);
        }
        return index;
    }

    /** The length of the text in code points. */
    public int length() {
        return index().length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document d
                && id.equals(d.id) && title.equals(d.title) && Objects.equals(source, d.source)
                && sha256.equals(d.sha256) && text.equals(d.text) && imported.equals(d.imported);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sha256);
    }

    @Override
    public String toString() {
        return "Document[" + id + ", " + title + ", " + sha256 + "]";
    }
}
