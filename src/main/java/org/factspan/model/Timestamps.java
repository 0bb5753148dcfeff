package org.factspan.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one text form of times in the project file and the exports: ISO-8601 UTC with exactly three fraction digits,
 * e.g. {@code 2026-11-22T10:00:00.000Z}. A fixed width makes the stored text sort as the times do, and millisecond
 * precision is what every time FactSpan makes has, so a time survives any number of round trips unchanged.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The stored form of {@code instant}, truncated to milliseconds. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
