package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    @ParameterizedTest(name = "after {0} failure(s): {1} ms")
    @CsvSource({ "0, 0", "1, 200", "2, 400", "3, 800", "6, 6400", "7, 10000", "40, 10000" })
    void doublesFromTheFirstWaitUpToTheCap(int failures, long millis) {
        assertThat(backoff.after(failures)).isEqualTo(Duration.ofMillis(millis));
    }
}
