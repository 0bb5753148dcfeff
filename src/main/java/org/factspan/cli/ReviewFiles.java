package org.factspan.cli;

import java.nio.file.Path;

import org.factspan.review.Review;
import org.factspan.review.ReviewSide;

import picocli.CommandLine.Parameters;

/** The two files every review command compares. */
final class ReviewFiles {

    @Parameters(index = "0", paramLabel = "MINE", description = "My project (.factspan) or FactSpan JSON export.")
    Path mine;

    @Parameters(index = "1", paramLabel = "THEIRS",
            description = "The colleague's project (.factspan) or FactSpan JSON export; read only.")
    Path theirs;

    Review compare() {
        return Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs));
    }
}
