package io.partnerhub.exam.domain;

import java.time.Instant;

/**
 * The answer of the retake policy for one candidate, one exam and one instant (E7).
 *
 * @param eligible         the exam may be taken at the instant asked about
 * @param nextEligibleAt   the earliest instant at or after the one asked about when it may be taken
 *                         (equal to the instant asked about when eligible; {@code null} when no instant can be
 *                         foreseen, i.e. a certification earned with the exam never expires)
 * @param reason           why not ({@code null} when eligible); when several rules apply, the one that waits longest
 * @param attemptsInWindow attempts used in the 12-month window that contains the instant asked about
 */
public record Eligibility(boolean eligible, Instant nextEligibleAt, IneligibilityReason reason, int attemptsInWindow) {
}
