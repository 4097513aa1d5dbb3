package io.partnerhub.exam.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * E3 retake policy, a pure rule.
 * <ul>
 *   <li>After a first failure wait 24 hours; after each later failure wait 14 days. Failures are counted
 *       consecutively since the last pass; withheld (beta) results are neither pass nor failure here.</li>
 *   <li>At most 5 attempts in a window of 12 months. A window opens at an attempt and covers
 *       [start, start + 12 months); the first attempt at or after its end opens the next window. Withheld results count.
 *       When the window is full, the next eligible instant is the window's end.</li>
 *   <li>An exam cannot be taken while a certification earned with it is active (its expiry, if any, is the next
 *       eligible instant; a certification that never expires blocks with no next instant).</li>
 * </ul>
 * Every constraint is a lower bound on the instant, so the next eligible instant is the largest bound.
 */
public final class RetakePolicy {

    private final Duration firstFailureWait;
    private final Duration repeatedFailureWait;
    private final int maxAttemptsInWindow;
    private final int windowMonths;

    public RetakePolicy(Duration firstFailureWait, Duration repeatedFailureWait, int maxAttemptsInWindow, int windowMonths) {
        this.firstFailureWait = Objects.requireNonNull(firstFailureWait);
        this.repeatedFailureWait = Objects.requireNonNull(repeatedFailureWait);
        if (maxAttemptsInWindow < 1 || windowMonths < 1) {
            throw new IllegalArgumentException("attempt limit and window must be positive");
        }
        this.maxAttemptsInWindow = maxAttemptsInWindow;
        this.windowMonths = windowMonths;
    }

    /** The programme's rule: 24 hours, 14 days, 5 attempts in 12 months. */
    public static RetakePolicy standard() {
        return new RetakePolicy(Duration.ofHours(24), Duration.ofDays(14), 5, 12);
    }

    /**
     * @param attempts     the candidate's attempts of this exam (any order); attempts after {@code at} are ignored
     * @param certifications holdings earned with this exam (any status)
     * @param at           the instant the exam would be taken
     */
    public Eligibility evaluate(Collection<PastAttempt> attempts, Collection<CertificationCover> certifications, Instant at) {
        Objects.requireNonNull(at, "at");
        List<PastAttempt> history = attempts.stream()
                .filter(a -> !a.takenAt().isAfter(at))
                .sorted(Comparator.comparing(PastAttempt::takenAt))
                .toList();

        Instant bound = at;
        IneligibilityReason reason = null;

        // waits after failures
        int consecutiveFailures = 0;
        Instant lastFailure = null;
        for (PastAttempt attempt : history) {
            switch (attempt.outcome()) {
                case PASSED -> {
                    consecutiveFailures = 0;
                    lastFailure = null;
                }
                case FAILED -> {
                    consecutiveFailures++;
                    lastFailure = attempt.takenAt();
                }
                case WITHHELD -> { /* neither pass nor failure */ }
            }
        }
        if (lastFailure != null) {
            boolean first = consecutiveFailures == 1;
            Instant waitEnds = lastFailure.plus(first ? firstFailureWait : repeatedFailureWait);
            if (waitEnds.isAfter(bound)) {
                bound = waitEnds;
                reason = first ? IneligibilityReason.FIRST_FAILURE_WAIT : IneligibilityReason.REPEATED_FAILURE_WAIT;
            }
        }

        // attempt window
        Instant windowStart = null;
        int inWindow = 0;
        for (PastAttempt attempt : history) {
            if (windowStart == null || !attempt.takenAt().isBefore(windowEnd(windowStart))) {
                windowStart = attempt.takenAt();
                inWindow = 0;
            }
            inWindow++;
        }
        int attemptsInWindow = 0;
        if (windowStart != null && at.isBefore(windowEnd(windowStart))) {
            attemptsInWindow = inWindow;
            if (inWindow >= maxAttemptsInWindow) {
                Instant windowEnds = windowEnd(windowStart);
                if (!windowEnds.isBefore(bound)) {
                    bound = windowEnds;
                    reason = IneligibilityReason.ATTEMPT_LIMIT_REACHED;
                }
            }
        }

        // active certification earned with the exam
        boolean neverEnds = false;
        Instant certificationEnds = null;
        for (CertificationCover cover : certifications) {
            if (!cover.isActiveAt(at)) {
                continue;
            }
            if (cover.expiresAt() == null) {
                neverEnds = true;
            } else if (certificationEnds == null || cover.expiresAt().isAfter(certificationEnds)) {
                certificationEnds = cover.expiresAt();
            }
        }
        if (neverEnds) {
            return new Eligibility(false, null, IneligibilityReason.CERTIFICATION_ACTIVE, attemptsInWindow);
        }
        if (certificationEnds != null && !certificationEnds.isBefore(bound)) {
            bound = certificationEnds;
            reason = IneligibilityReason.CERTIFICATION_ACTIVE;
        }

        boolean eligible = !bound.isAfter(at);
        return new Eligibility(eligible, bound, eligible ? null : reason, attemptsInWindow);
    }

    private Instant windowEnd(Instant windowStart) {
        return windowStart.atZone(ZoneOffset.UTC).plusMonths(windowMonths).toInstant();
    }
}
