package io.partnerhub.chassis.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private static final Instant REAL = Instant.parse("2026-11-23T08:00:00Z");
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(REAL, ZoneOffset.UTC));

    @Test
    void readsRealTimeUntilMoved() {
        assertThat(clock.instant()).isEqualTo(REAL);
        assertThat(clock.offset()).isZero();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void movesForwardAndBackByTheOffset() {
        clock.setOffset(Duration.parse("P400D"));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(400)));
        clock.setOffset(Duration.parse("-PT36H"));
        assertThat(clock.instant()).isEqualTo(REAL.minus(Duration.ofHours(36)));
        assertThat(clock.millis()).isEqualTo(REAL.minus(Duration.ofHours(36)).toEpochMilli());
        clock.reset();
        assertThat(clock.instant()).isEqualTo(REAL);
    }

    @Test
    void zonedViewFollowsTheOffset() {
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.setOffset(Duration.ofDays(1));
        assertThat(paris.instant()).isEqualTo(REAL.plus(Duration.ofDays(1)));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void concurrentAdvancesAreNotLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 1000; i++) {
            pool.submit(() -> clock.advance(Duration.ofSeconds(1)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(1000));
    }

    @Test
    void realBaseTracksSystemTime() {
        AdjustableClock real = new AdjustableClock();
        real.setOffset(Duration.ofDays(30));
        Instant expected = Instant.now().plus(Duration.ofDays(30));
        assertThat(Duration.between(expected, real.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
