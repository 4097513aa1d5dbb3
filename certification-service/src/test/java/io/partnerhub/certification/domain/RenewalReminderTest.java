package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.certification.domain.RenewalReminder.Stage;

class RenewalReminderTest {

    static final Instant EXPIRES = Instant.parse("2027-12-01T11:20:04Z");

    @ParameterizedTest(name = "{0} before expiry: {1}, {2} days left")
    @CsvSource(nullValues = "none", value = {
            "P200D,   none,          200",
            "P180DT1S, none,         181",
            "P180D,   WINDOW_OPENED, 180",
            "P31D,    WINDOW_OPENED, 31",
            "P30D,    DAYS_30,       30",
            "P8D,     DAYS_30,       8",
            "P7D,     DAYS_7,        7",
            "PT1S,    DAYS_7,        1",
            "PT0S,    none,          0",
            "-P1D,    none,          0"})
    void remindsOfTheMostUrgentStageReachedBeforeExpiry(String before, Stage stage, int daysLeft) {
        Instant now = EXPIRES.minus(Duration.parse(before));
        assertEquals(Optional.ofNullable(stage), RenewalReminder.due(EXPIRES, now));
        assertEquals(daysLeft, RenewalReminder.daysLeft(EXPIRES, now));
    }

    @ParameterizedTest(name = "{0} makes {1} pointless")
    @CsvSource({"WINDOW_OPENED, 1", "DAYS_30, 2", "DAYS_7, 3"})
    void aStageCountsTheEarlierOnesAsTold(Stage stage, int told) {
        assertEquals(told, stage.andEarlier().size());
        assertEquals(stage, stage.andEarlier().get(told - 1));
    }
}
