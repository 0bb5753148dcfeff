package org.factspan.ui.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ComplexTextWrapFixTest {

    @Test
    void theReplacementCacheNeverAnswersButKeepsEveryBufferForDispose() {
        Map<Object, Long> cache = new ComplexTextWrapFix.NeverHitMap<>();
        Object run = new Object();

        assertNull(cache.put(run, 100L));
        assertNull(cache.put(run, 200L), "a run shaped again after a split is converted again");

        assertNull(cache.get(run));
        assertFalse(cache.containsKey(run));
        assertEquals(List.of(100L, 200L), List.copyOf(cache.values()), "dispose frees both buffers");
        cache.clear();
        assertTrue(cache.isEmpty());
        assertTrue(cache.values().isEmpty());
    }
}
