package org.factspan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.factspan.model.CodePointIndex;
import org.junit.jupiter.api.Test;

class LineEndsTest {

    @Test
    void crlfAndALoneCrBecomeLf() {
        assertEquals("one\ntwo\nthree\n\nfour", LineEnds.of("one\r\ntwo\rthree\r\n\r\nfour").text());
    }

    @Test
    void anOffsetMovesBackByOneCodePointForEachCrDroppedBeforeIt() {
        String original = "💥 a\r\nb\rc\r\nd";
        LineEnds lineEnds = LineEnds.of(original);

        assertEquals("💥 a\nb\nc\nd", lineEnds.text());
        int[] expected = {0, 1, 2, 3, 3, 4, 5, 6, 7, 7, 8, 9};
        for (int offset = 0; offset <= 11; offset++) {
            assertEquals(expected[offset], lineEnds.map(offset), "offset " + offset);
        }
    }

    @Test
    void aSpanKeepsItsTextWithoutTheDroppedCrs() {
        String original = "Russia helped\r\nHamas, he said.\r\n";
        LineEnds lineEnds = LineEnds.of(original);
        CodePointIndex lf = new CodePointIndex(lineEnds.text());

        assertEquals("Russia helped\nHamas", lf.slice(lineEnds.map(0), lineEnds.map(20)));
        assertEquals("said.", lf.slice(lineEnds.map(25), lineEnds.map(31)), "a span ending in the CR of a CRLF");
    }
}
