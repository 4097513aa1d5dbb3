package io.partnerhub.exam.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoucherRulesTest {

    static final Instant FAILED_AT = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant SCHEDULED = Instant.parse("2026-03-05T10:00:00Z");
    static final VoucherRules.VoucherFacts VOUCHER =
            new VoucherRules.VoucherFacts("cand-1", "AZ-104", LocalDate.parse("2026-03-31"), false);

    static Stream<Arguments> cases() {
        List<PastAttempt> failed = List.of(PastAttempt.failed(FAILED_AT));
        return Stream.of(
                Arguments.of("a voucher of the candidate for a failed exam can be used", VOUCHER, "cand-1", "AZ-104", SCHEDULED, failed, null),
                Arguments.of("a voucher is usable on its expiry day", VOUCHER, "cand-1", "AZ-104", Instant.parse("2026-03-31T23:59:59Z"), failed, null),
                Arguments.of("a voucher is not usable the day after its expiry", VOUCHER, "cand-1", "AZ-104", Instant.parse("2026-04-01T00:00:00Z"), failed, VoucherRejection.EXPIRED),
                Arguments.of("a used voucher cannot be used again", new VoucherRules.VoucherFacts("cand-1", "AZ-104", LocalDate.parse("2026-03-31"), true), "cand-1", "AZ-104", SCHEDULED, failed, VoucherRejection.ALREADY_USED),
                Arguments.of("another candidate's voucher cannot be used", VOUCHER, "cand-2", "AZ-104", SCHEDULED, failed, VoucherRejection.OTHER_CANDIDATE),
                Arguments.of("a voucher for another exam cannot be used", VOUCHER, "cand-1", "AZ-204", SCHEDULED, failed, VoucherRejection.OTHER_EXAM),
                Arguments.of("a voucher needs a previous failed attempt", VOUCHER, "cand-1", "AZ-104", SCHEDULED, List.of(), VoucherRejection.NO_FAILED_ATTEMPT),
                Arguments.of("a passed attempt is not a failure to retake", VOUCHER, "cand-1", "AZ-104", SCHEDULED, List.of(PastAttempt.passed(FAILED_AT)), VoucherRejection.NO_FAILED_ATTEMPT),
                Arguments.of("a withheld beta result is not a failure to retake", VOUCHER, "cand-1", "AZ-104", SCHEDULED, List.of(PastAttempt.withheld(FAILED_AT)), VoucherRejection.NO_FAILED_ATTEMPT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksVoucher(String behaviour, VoucherRules.VoucherFacts voucher, String candidateId, String examCode,
                       Instant scheduledAt, List<PastAttempt> attempts, VoucherRejection expected) {
        assertEquals(Optional.ofNullable(expected), VoucherRules.check(voucher, candidateId, examCode, scheduledAt, attempts));
    }
}
