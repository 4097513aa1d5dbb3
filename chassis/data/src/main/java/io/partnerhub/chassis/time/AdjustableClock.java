package io.partnerhub.chassis.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The application's {@link Clock}: real UTC time plus an offset that tests and the devstack can move
 * ({@code PUT /admin/clock}, enabled by {@code partnerhub.clock.adjustable}). Thread-safe; offset zero by default.
 * Inject {@code java.time.Clock}; this bean is it.
 */
@Singleton
public class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public AdjustableClock() {
        this(Clock.systemUTC());
    }

    /** For tests: another base clock (e.g. a fixed one). */
    public AdjustableClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The distance from real time (may be negative). */
    public Duration offset() {
        return offset.get();
    }

    /** Moves the clock to real time + {@code offset}. */
    public void setOffset(Duration offset) {
        this.offset.set(Objects.requireNonNull(offset, "offset"));
    }

    /** Moves the clock forward (or back, when negative) by {@code amount}; returns the new offset. */
    public Duration advance(Duration amount) {
        return offset.accumulateAndGet(Objects.requireNonNull(amount, "amount"), Duration::plus);
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that follows this clock's offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        AdjustableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "AdjustableClock[offset=" + offset.get() + "]";
    }
}
