package io.partnerhub.exam.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** E6: a beta exam's scores are withheld until its go-live date (start of day, UTC) plus the release delay. */
public final class BetaRelease {

    private BetaRelease() {
    }

    public static Instant releaseAt(LocalDate liveOn, Duration delay) {
        return liveOn.atStartOfDay(ZoneOffset.UTC).toInstant().plus(delay);
    }

    /** Whether a result of a beta exam is withheld at {@code now}. */
    public static boolean withheldAt(LocalDate liveOn, Duration delay, Instant now) {
        return now.isBefore(releaseAt(liveOn, delay));
    }
}
