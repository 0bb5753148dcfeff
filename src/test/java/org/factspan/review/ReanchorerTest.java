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
        Annotation their = annotation(theirs, 17, 19);

        assertEquals(Optional.of(new Span(58, 60)), place(theirs, mine, their));
    }

    @Test
    void aQuoteWhoseWordsWereMostlyRewrittenIsAnOrphan() {
        String theirs = "The minister said the army would withdraw by May.";
        String mine = "The minister said nothing about any timetable at all.";
        Annotation their = annotation(theirs, 18, 48);

        assertTrue(place(theirs, mine, their).isEmpty());
    }

    @Test
    void aSpanAcrossACrlfLineBreakLandsExactlyOnTheLfText() {
        String theirs = "Intro.\r\nRussia helped\r\nHamas, he said.";
        String mine = "Intro.\nRussia helped\nHamas, he said.";
        Annotation their = annotation(theirs, 8, 27);

        assertEquals(Optional.of(new Span(7, 25)), place(theirs, mine, their));
    }

    private static Optional<Span> place(String theirs, String mine, Annotation their) {
        TextAlignment alignment = TextAlignment.of(new TextAlignment.Tokens(theirs), new TextAlignment.Tokens(mine));
        return new Reanchorer(new CodePointIndex(theirs), new CodePointIndex(mine), "my-doc", alignment)
                .place(their).map(Annotation::span);
    }

    private static Annotation annotation(String text, int start, int end) {
        return new Annotation("t1", "their-doc", "claim", start, end, new CodePointIndex(text).slice(start, end), "x",
                WHEN, WHEN, null);
    }
}
