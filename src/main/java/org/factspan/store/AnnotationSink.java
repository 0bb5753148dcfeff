package org.factspan.store;

/**
 * Receives annotation rows as stored, without building {@link org.factspan.model.Annotation} objects.
 *
 * <p>Exporting a million annotations is dominated by per-row work; passing the stored strings through (timestamps
 * are already ISO-8601 UTC in the file) keeps the export within reach of SQLite's own JSON output.
 */
@FunctionalInterface
public interface AnnotationSink {

    void annotation(String id, String label, int start, int end, String quote, String annotator, String created,
                    String modified, String note) throws java.io.IOException;
}
