package org.factspan.store;

import java.time.Instant;

/** A document without its text, for lists: what the project holds and how many annotations each has. */
public record DocumentSummary(String id, String title, String source, String sha256, int length, Instant imported,
                              int annotations) {
}
