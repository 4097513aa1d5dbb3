package io.partnerhub.exam.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /**
     * The verdict on recording an attempt (a result arrived): admitted, or the rule it breaks.
     *
     * @param admitted            the attempt may be recorded
     * @param eligibility         when not admitted: the breached rule ({@code reason}, {@code attemptsInWindow}) and,
     *                            when the attempt itself was taken too early, its {@code nextEligibleAt}
     * @param laterAttemptTakenAt when not admitted because an attempt recorded earlier but taken later would then be in
     *                            breach: that attempt's takenAt (and {@code nextEligibleAt} is null); otherwise null
     */
    public record Admission(boolean admitted, Eligibility eligibility, Instant laterAttemptTakenAt) {

        static Admission yes() {
            return new Admission(true, null, null);
        }
    }

    /**
     * E3 "checked when a result arrives", against EVERY recorded attempt, whatever order results arrive in:
     * <ol>
     *   <li>the attempt must be eligible at its takenAt given the attempts taken before it and the certifications, and</li>
     *   <li>it must not put any attempt taken after it in breach: each later attempt that was eligible without it (by the
     *       waits and the window) must still be eligible with it. A later sitting posted first therefore blocks an
     *       earlier failure within its wait, and a 6th attempt in a window is refused wherever it falls.</li>
     * </ol>
     * Later attempts are re-checked without certifications: an attempt cannot change what a certification blocks.
     *
     * @param recorded       the candidate's recorded attempts of this exam (any order, any takenAt)
     * @param certifications holdings earned with this exam
     * @param attempt        the attempt to record, with its outcome (WITHHELD for a beta score)
     */
    public Admission admit(Collection<PastAttempt> recorded, Collection<CertificationCover> certifications, PastAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Eligibility own = evaluate(recorded, certifications, attempt.takenAt());
        if (!own.eligible()) {
            return new Admission(false, own, null);
        }
        List<PastAttempt> later = recorded.stream()
                .filter(a -> a.takenAt().isAfter(attempt.takenAt()))
                .sorted(Comparator.comparing(PastAttempt::takenAt))
                .toList();
        for (PastAttempt next : later) {
            List<PastAttempt> without = othersThan(recorded, next);
            List<PastAttempt> with = new ArrayList<>(without);
            with.add(attempt);
            if (evaluate(without, List.of(), next.takenAt()).eligible()) {
                Eligibility after = evaluate(with, List.of(), next.takenAt());
                if (!after.eligible()) {
                    return new Admission(false,
                            new Eligibility(false, null, after.reason(), after.attemptsInWindow()), next.takenAt());
                }
            }
        }
        return Admission.yes();
    }

    /** All of {@code attempts} but one occurrence of {@code excluded} (two attempts may be equal records). */
    private static List<PastAttempt> othersThan(Collection<PastAttempt> attempts, PastAttempt excluded) {
        List<PastAttempt> others = new ArrayList<>(attempts);
        others.remove(excluded);
        return others;
    }

    private Instant windowEnd(Instant windowStart) {
        return windowStart.atZone(ZoneOffset.UTC).plusMonths(windowMonths).toInstant();
    }
}
