package org.factspan.store;

import java.io.IOException;

/**
 * Receives annotation rows as stored - text columns as their UTF-8 bytes, not even decoded into strings.
 *
 * <p>Exporting a million annotations is dominated by per-row work: building objects, parsing and printing two
 * timestamps, and decoding nine columns into Java strings only to encode them back to UTF-8. Passing the stored bytes
 * through (timestamps are already ISO-8601 UTC text in the file) is what keeps the export within reach of SQLite's own
 * JSON output (docs/benchmarks.md).
 */
@FunctionalInterface
public interface AnnotationSink {

    /** {@code note} is null when the annotation has none; every other array is non-null UTF-8. */
    void annotation(byte[] id, byte[] label, int start, int end, byte[] quote, byte[] annotator, byte[] created,
                    byte[] modified, byte[] note) throws IOException;
}
