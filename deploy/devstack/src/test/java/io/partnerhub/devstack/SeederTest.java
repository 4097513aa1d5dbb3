package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SeederTest {

    private final SeedScript seeder = new SeedScript();

    @ParameterizedTest
    @CsvSource({
            "${today},          0, 0, 0",
            "${today+P150D},    0, 0, 150",
            "${month},          1, 0, 0",
            "${month-P3M},      1, -3, 0",
            "${month-P1D},      1, 0, -1",
    })
    void datesAreRelativeToTodayOrTheFirstOfThisMonthInUtc(String text, int firstOfMonth, int months, int days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate base = firstOfMonth == 1 ? today.withDayOfMonth(1) : today;
        assertEquals(base.plusMonths(months).plusDays(days).toString(), seeder.substitute(text));
    }

    @Test
    void textAroundAVariableIsKeptAndAnUnknownVariableIsAFailureOfThatEntry() {
        assertTrue(seeder.substitute("${month}T09:30:00Z").endsWith("-01T09:30:00Z"));
        assertEquals("/organizations?q=4100001", seeder.substitute("/organizations?q=4100001"));
        RuntimeException unknown = assertThrows(RuntimeException.class, () -> seeder.substitute("/organizations/${org.nowhere}"));
        assertTrue(unknown.getMessage().contains("org.nowhere"), unknown.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} -> retried: {2}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"type\":\"https://partnerhub.io/problems/unknown-credential\",\"status\":400} | true",
            "400 | {\"type\":\"https://partnerhub.io/problems/invalid-request\",\"detail\":\"unknown metric\"} | false",
            "400 | {\"type\":\"https://partnerhub.io/problems/unknown-credential-x\"} | false",
            "409 | {\"type\":\"https://partnerhub.io/problems/unknown-credential\"} | false",
            "201 | {\"version\":\"v1\"} | false",
    })
    void onlyAVersionListingACertificationNotKnownYetIsRetried(int status, String body, boolean retried) {
        assertEquals(retried, Seeder.unknownCredential(status, body));
    }
}
