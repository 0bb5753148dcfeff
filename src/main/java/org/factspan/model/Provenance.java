package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an annotation came from when it was not made in this project: accepted from a colleague's file during a
 * review. The annotation itself keeps its original annotator and times; this records who took it over, and when.
 *
 * @param acceptedFrom the colleague's file, by name
 * @param acceptedBy   the annotator who accepted it
 * @param acceptedAt   UTC
 */
public record Provenance(String acceptedFrom, String acceptedBy, Instant acceptedAt) {

    public Provenance {
        Objects.requireNonNull(acceptedFrom, "acceptedFrom");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
