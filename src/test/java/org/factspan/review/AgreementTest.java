package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static final Instant WHEN = Instant.parse("2026-05-03T10:00:00Z");

    /*
     * The hand-computed case (also the boundary_conflict fixture):
     *
     *   text  "He said\u00a0Russia helped Hamas."   28 code points, 0-based:
     *          He_said~Russia_helped_Hamas.          (_ space, ~ U+00A0 NO-BREAK SPACE)
     *   whitespace at 2, 7 (U+00A0 is White_Space), 14, 21  ->  N = 28 - 4 = 24 code points count
     *   mine   claim [8, 27)  "Russia helped Hamas"  -> 19 code points, 2 spaces  -> a = 17
     *   theirs claim [15, 27) "helped Hamas"         -> 12 code points, 1 space   -> b = 11, all inside mine
     *
     *   both 1: 11   mine only: 6   theirs only: 0   both 0: 24 - 17 = 7
     *   po = (11 + 7) / 24 = 432/576
     *   pe = (17/24)(11/24) + (7/24)(13/24) = (187 + 91)/576 = 278/576
     *   kappa = (432 - 278) / (576 - 278) = 154/298 = 0.51678...
     *
     * Were U+00A0 not whitespace, N would be 25 and kappa 0.54.
     */
    @Test
    void kappaMatchesTheHandComputedCaseAndCountsNoBreakSpaceAsWhitespace() {
        String text = "He said\u00a0Russia helped Hamas.";
        Difference conflict = new Difference(Difference.Category.BOUNDARY_CONFLICT,
                annotation("claim", text, 8, 27), annotation("claim", text, 15, 27));

        Agreement.Figures figures = Agreement.of(List.of("claim"),
                List.of(new Agreement.Input(new CodePointIndex(text), List.of(conflict))));

        assertEquals(154.0 / 298.0, figures.labels().get("claim").kappa(), 1e-15);
    }

    @Test
    void figuresOfALabelNeitherSideUsedAreNullNotZero() {
        String text = "Russia helped Hamas.";
        Difference agree = new Difference(Difference.Category.AGREE,
                annotation("claim", text, 0, 19), annotation("claim", text, 0, 19));

        Agreement.Figures figures = Agreement.of(List.of("claim", "denial"),
                List.of(new Agreement.Input(new CodePointIndex(text), List.of(agree))));

        Agreement.LabelFigures denial = figures.labels().get("denial");
        assertNull(denial.f1Exact());
        assertNull(denial.f1Overlap());
        assertNull(denial.kappa());
        assertNull(denial.alphaU());
        assertEquals(1.0, figures.labels().get("claim").alphaU());
    }

    @Test
    void alphaIsNullWhenExpectedDisagreementVanishesWhereDkproWouldSayZero() {
        String text = "X";
        Difference agree = new Difference(Difference.Category.AGREE,
                annotation("claim", text, 0, 1), annotation("claim", text, 0, 1));

        Agreement.Figures figures = Agreement.of(List.of("claim"),
                List.of(new Agreement.Input(new CodePointIndex(text), List.of(agree))));

        assertNull(figures.labels().get("claim").alphaU());
        assertNull(figures.labels().get("claim").kappa());
    }

    @Test
    void fastExpectedDisagreementEqualsDkprosOwn() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int length = 1 + random.nextInt(300);
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 0, length);
            for (int rater = 0; rater < 2; rater++) {
                int position = random.nextInt(5);
                while (position < length && random.nextInt(8) > 0) {
                    int unit = 1 + random.nextInt(Math.min(40, length - position));
                    study.addUnit(position, unit, rater, "claim");
                    position += unit + random.nextInt(30);
                }
            }
            if (study.getUnitCount() == 0) {
                continue;
            }
            double dkpro = new DkproAlpha(study).expected("claim");
            double fast = new Agreement.AlphaU(study).calculateExpectedCategoryDisagreement("claim");
            assertEquals(dkpro, fast, Math.abs(dkpro) * 1e-12, "study " + study.getUnits());
        }
    }

    /** Gives the test dkpro's unchanged expected disagreement to compare with. */
    private static final class DkproAlpha extends KrippendorffAlphaUnitizingAgreement {
        DkproAlpha(IUnitizingAnnotationStudy study) {
            super(study);
        }

        double expected(String category) {
            return calculateExpectedCategoryDisagreement(category);
        }
    }

    private static Annotation annotation(String label, String text, int start, int end) {
        CodePointIndex index = new CodePointIndex(text);
        return new Annotation(label + start + "-" + end, "doc", label, start, end, index.slice(start, end), "x", WHEN,
                WHEN, null);
    }
}
