package io.partnerhub.exam.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/**
 * E4 Exam Replay: a voucher entitles one retake of the same exam by the same candidate.
 * <ul>
 *   <li>used once: consumed when a booking is made with it (a cancelled booking gives it back);</li>
 *   <li>valid up to and including {@code expiresOn} (UTC): the appointment must fall on or before that date;</li>
 *   <li>only for a retake: the candidate must have a failed attempt of that exam (a withheld beta result is not one);</li>
 *   <li>the waiting periods of the retake policy still apply (checked separately by {@link RetakePolicy}).</li>
 * </ul>
 */
public final class VoucherRules {

    private VoucherRules() {
    }

    /** The facts of a voucher the rule needs. */
    public record VoucherFacts(String candidateId, String examCode, LocalDate expiresOn, boolean used) {
    }

    /** @return the first reason the voucher cannot be used for this booking, or empty when it can */
    public static Optional<VoucherRejection> check(VoucherFacts voucher, String candidateId, String examCode,
                                                   Instant scheduledAt, Collection<PastAttempt> attemptsOfExam) {
        if (!voucher.candidateId().equals(candidateId)) {
            return Optional.of(VoucherRejection.OTHER_CANDIDATE);
        }
        if (!voucher.examCode().equals(examCode)) {
            return Optional.of(VoucherRejection.OTHER_EXAM);
        }
        if (voucher.used()) {
            return Optional.of(VoucherRejection.ALREADY_USED);
        }
        if (isExpiredAt(voucher.expiresOn(), scheduledAt)) {
            return Optional.of(VoucherRejection.EXPIRED);
        }
        boolean failedBefore = attemptsOfExam.stream()
                .anyMatch(a -> a.outcome() == AttemptOutcome.FAILED && a.takenAt().isBefore(scheduledAt));
        if (!failedBefore) {
            return Optional.of(VoucherRejection.NO_FAILED_ATTEMPT);
        }
        return Optional.empty();
    }

    /** A voucher is usable through the whole of its {@code expiresOn} day (UTC) and expired from the next day. */
    public static boolean isExpiredAt(LocalDate expiresOn, Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(expiresOn);
    }
}
