package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.membership.domain.InvitationState.Status;

class InvitationStateTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");

    @ParameterizedTest(name = "{0}: {5}, acceptable {6}, revocable {7}")
    @CsvSource(nullValues = "-", value = {
            // case,                      accepted after, revoked after, superseded, now after, status,   acceptable, revocable
            "pending just created,         -,     -,     false, PT0S,       PENDING,  true,  true",
            "pending a second before end,  -,     -,     false, PT335H59M59S, PENDING, true,  true",
            "expired at 14 days,           -,     -,     false, P14D,       EXPIRED,  false, true",
            "expired later,                -,     -,     false, P30D,       EXPIRED,  false, true",
            "accepted,                     PT1H,  -,     false, PT2H,       ACCEPTED, false, false",
            "accepted stays after expiry,  PT1H,  -,     false, P30D,       ACCEPTED, false, false",
            "revoked,                      -,     PT1H,  false, PT2H,       REVOKED,  false, true",
            "revoked stays after expiry,   -,     PT1H,  false, P30D,       REVOKED,  false, true",
            "superseded by a newer one,    -,     PT1H,  true,  PT2H,       REVOKED,  false, true",
    })
    void statusAcceptanceAndRevocationFollowTheTimestamps(String name, Duration accepted, Duration revoked,
            boolean superseded, Duration now, Status status, boolean acceptable, boolean revocable) {
        InvitationState state = new InvitationState(CREATED, accepted == null ? null : CREATED.plus(accepted),
                revoked == null ? null : CREATED.plus(revoked), superseded);
        assertEquals(status, state.status(CREATED.plus(now)));
        assertEquals(acceptable, state.acceptable(CREATED.plus(now)));
        assertEquals(revocable, state.revocable());
    }

    @ParameterizedTest
    @CsvSource({ "2026-12-01T09:00:00Z, 2026-12-15T09:00:00Z", "2026-02-20T23:30:00Z, 2026-03-06T23:30:00Z" })
    void anInvitationExpiresFourteenDaysAfterItsCreation(Instant created, Instant expires) {
        assertEquals(expires, InvitationState.expiresAt(created));
    }

    @ParameterizedTest
    @CsvSource({ "pending, PENDING", "Accepted, ACCEPTED", " REVOKED , REVOKED", "expired, EXPIRED" })
    void aStatusFilterIsReadInAnyCase(String text, Status status) {
        assertEquals(status, Status.parse(text));
    }

    @ParameterizedTest
    @CsvSource({ "SUPERSEDED", "OPEN", "''" })
    void anUnknownStatusFilterIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Status.parse(text));
    }
}
