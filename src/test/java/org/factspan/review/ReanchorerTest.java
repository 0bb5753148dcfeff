package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Span;
import org.junit.jupiter.api.Test;

class ReanchorerTest {

    private static final Instant WHEN = Instant.parse("2026-05-03T10:00:00Z");

    @Test
    void aQuoteMovedByAnInsertedSentenceIsFoundWhereItNowIs() {
        String theirs = "He said no. Then no again.";
        String mine = "He said no. The ministry, asked twice, said nothing. Then no again.";

        assertEquals(Optional.of(new Span(58, 60)), place(theirs, mine, 17, 19));
    }

    @Test
    void aQuoteWhoseWordsWereMostlyRewrittenIsAnOrphan() {
        String theirs = "The minister said the army would withdraw by May.";
        String mine = "The minister said nothing about any timetable at all.";

        assertTrue(place(theirs, mine, 18, 48).isEmpty());
    }

    @Test
    void aSpanAcrossACrlfLineBreakLandsExactlyOnTheLfText() {
        String theirs = "Intro.\r\nRussia helped\r\nHamas, he said.";
        String mine = "Intro.\nRussia helped\nHamas, he said.";

        assertEquals(Optional.of(new Span(7, 25)), place(theirs, mine, 8, 27));
    }

    @Test
    void anOldOffsetThatHitsTheSameWordElsewhereIsNotTaken() {
        String theirs = "Ann said no, and Bob said yes.";
        String mine = "(Updated 3 May.) Ann said no, and Bob said yes.";
        assertEquals("said", mine.substring(21, 25), "the old offsets fall on Ann's \"said\" in my text");

        assertEquals(Optional.of(new Span(38, 42)), place(theirs, mine, 21, 25));
    }

    @Test
    void aShortQuoteInARemovedSentenceIsAnOrphanThoughTheWordIsStillNearby() {
        String theirs = "He left at noon. Then he said no. Later in the day he said yes.";
        String mine = "He left at noon. Later in the day he said yes.";

        assertTrue(place(theirs, mine, 22, 24).isEmpty());
    }

    @Test
    void aQuoteInAMovedParagraphIsFoundByItsContextNotAtTheNearestOccurrence() {
        String moved = "Asked about the convoy, the minister said it had left before dawn.";
        String first = "The ministry said on Monday that aid would reach the port by Friday.";
        String last = "Officials in the port said no ship had arrived.";
        String theirs = moved + "\n\n" + first + "\n\n" + last;
        String mine = first + "\n\n" + last + "\n\n" + moved;
        int said = moved.indexOf("said");

        assertEquals(Optional.of(new Span(mine.indexOf(moved) + said, mine.indexOf(moved) + said + 4)),
                place(theirs, mine, said, said + 4));
    }

    private static Optional<Span> place(String theirs, String mine, int start, int end) {
        Annotation their = new Annotation("t1", "their-doc", "claim", start, end,
                new CodePointIndex(theirs).slice(start, end), "x", WHEN, WHEN, null);
        TextAlignment alignment = TextAlignment.of(new TextAlignment.Tokens(theirs), new TextAlignment.Tokens(mine));
        return new Reanchorer(new CodePointIndex(theirs), new CodePointIndex(mine), "my-doc", alignment)
                .place(their).map(Annotation::span);
    }
}
