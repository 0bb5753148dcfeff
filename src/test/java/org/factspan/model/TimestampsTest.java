package org.factspan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void theStoredFormHasAFixedWidthAndMilliseconds() {
        assertEquals("2026-11-22T10:00:00.000Z", Timestamps.format(Instant.parse("2026-11-22T10:00:00Z")));
        assertEquals("2026-11-22T10:00:00.123Z", Timestamps.format(Instant.parse("2026-11-22T10:00:00.123987Z")));
    }

    @Test
    void parsingTheStoredFormAgreesWithInstantParseOnRandomTimes() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            String stored = Timestamps.format(instant);
            assertEquals(Instant.parse(stored), Timestamps.parse(stored), stored);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999Z", "2026-11-22T10:00:00Z", "2026-11-22T11:00:00.5+01:00",
        "1970-01-01T00:00:00.000Z"})
    void otherIsoFormsFallBackToInstantParse(String text) {
        assertEquals(java.time.OffsetDateTime.parse(text).toInstant(), Timestamps.parse(text));
    }
}
