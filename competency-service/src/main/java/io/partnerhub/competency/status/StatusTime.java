package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The instants and days the status classes work with. */
final class StatusTime {

    private StatusTime() {
    }

    /** Instants are stored and published to the millisecond (PostgreSQL keeps microseconds, clients compare strings). */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
