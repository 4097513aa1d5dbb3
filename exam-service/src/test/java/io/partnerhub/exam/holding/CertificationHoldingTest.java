package io.partnerhub.exam.holding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An event that tells nothing new changes nothing, updatedAt included (no UPDATE at the flush); one that does, touches it. */
class CertificationHoldingTest {

    static final Instant EARNED = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant EXPIRES = Instant.parse("2027-01-10T10:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("earned again with the same facts changes nothing",
                        (Consumer<CertificationHolding>) h -> h.earned("cert-1", List.of("AZ-104"), EARNED, EXPIRES, NOW), false, HoldingStatus.ACTIVE, EXPIRES),
                Arguments.of("earned with another exam code adds it",
                        (Consumer<CertificationHolding>) h -> h.earned("cert-1", List.of("AZ-305"), EARNED, EXPIRES, NOW), true, HoldingStatus.ACTIVE, EXPIRES),
                Arguments.of("earned with an earlier expiry keeps the later one (a renewal seen first) and changes nothing",
                        (Consumer<CertificationHolding>) h -> h.earned("cert-1", List.of("AZ-104"), EARNED, EXPIRES.minusSeconds(60), NOW), false, HoldingStatus.ACTIVE, EXPIRES),
                Arguments.of("renewed to a later expiry moves it",
                        (Consumer<CertificationHolding>) h -> h.renewed(EXPIRES.plusSeconds(60), NOW), true, HoldingStatus.ACTIVE, EXPIRES.plusSeconds(60)),
                Arguments.of("renewed to the same expiry changes nothing",
                        (Consumer<CertificationHolding>) h -> h.renewed(EXPIRES, NOW), false, HoldingStatus.ACTIVE, EXPIRES),
                Arguments.of("renewed without an expiry changes nothing",
                        (Consumer<CertificationHolding>) h -> h.renewed(null, NOW), false, HoldingStatus.ACTIVE, EXPIRES),
                Arguments.of("revoked ends an active holding",
                        (Consumer<CertificationHolding>) h -> h.ended(HoldingStatus.REVOKED, NOW), true, HoldingStatus.REVOKED, EXPIRES),
                Arguments.of("expired after revoked changes nothing (ended is final)",
                        (Consumer<CertificationHolding>) h -> {
                            h.ended(HoldingStatus.REVOKED, BEFORE);
                            h.updatedAt = BEFORE;
                            h.ended(HoldingStatus.EXPIRED, NOW);
                        }, false, HoldingStatus.REVOKED, EXPIRES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void touchesOnlyOnChange(String behaviour, Consumer<CertificationHolding> event, boolean touched, HoldingStatus status,
                             Instant expiresAt) {
        CertificationHolding holding = new CertificationHolding();
        holding.holdingId = "h-1";
        holding.candidateId = "cand-1";
        holding.certificationId = "cert-1";
        holding.status = HoldingStatus.ACTIVE;
        holding.examCodes.addAll(Set.of("AZ-104"));
        holding.earnedAt = EARNED;
        holding.expiresAt = EXPIRES;
        holding.updatedAt = BEFORE;

        event.accept(holding);

        assertEquals(touched ? NOW : BEFORE, holding.updatedAt, "updatedAt");
        assertEquals(status, holding.status, "status");
        assertEquals(expiresAt, holding.expiresAt, "expiresAt");
    }
}
