package io.partnerhub.exam.exam;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.partnerhub.exam.domain.BetaRelease;

/**
 * What scoring a result needs of its exam (E5 pass mark, E6 beta withholding), read in one statement without the
 * exam's collections (skills, delivery modes, providers): issue #26, a result's CPU. {@link Exam} scores through it too.
 */
public record ExamScoring(int passingScore, boolean beta, LocalDate liveOn) {

    public boolean passes(int score) {
        return score >= passingScore;
    }

    /** E6: whether a result recorded at {@code now} is withheld. */
    public boolean withholdsScoresAt(Instant now, Duration releaseDelay) {
        return beta && liveOn != null && BetaRelease.withheldAt(liveOn, releaseDelay, now);
    }
}
