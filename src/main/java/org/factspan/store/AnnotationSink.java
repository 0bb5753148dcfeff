package org.factspan.store;

import java.io.IOException;

/**
 * Receives annotation rows as stored, without building {@link org.factspan.model.Annotation} objects: times stay the
 * ISO-8601 UTC text they are in the file. Exporting a million annotations is dominated by per-row work, and parsing
 * and printing two timestamps per row would be most of it.
 */
@FunctionalInterface
public interface AnnotationSink {

    /** {@code note} is null when the annotation has none. */
    void annotation(String id, String label, int start, int end, String quote, String annotator, String created,
                    String modified, String note) throws IOException;
}
