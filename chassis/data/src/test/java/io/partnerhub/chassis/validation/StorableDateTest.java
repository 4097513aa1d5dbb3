package io.partnerhub.chassis.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.chassis.testing.BeanValidation;

/** @StorableInstant / @StorableDate: years 1900–9999, what PostgreSQL stores and date arithmetic handles. */
class StorableDateTest {

    record Appointment(@StorableInstant Instant at, @StorableDate LocalDate on) {
    }

    @RegisterExtension
    static final BeanValidation validation = new BeanValidation();

    Set<String> invalid(Appointment appointment) {
        return validation.violations(appointment, v -> v.getPropertyPath() + ": " + v.getMessage());
    }

    @ParameterizedTest(name = "{0} storable: {1}")
    @CsvSource({
            "1900-01-01T00:00:00Z, true",
            "2026-05-01T09:00:00Z, true",
            "9999-12-31T23:59:59.999999999Z, true",
            "1899-12-31T23:59:59Z, false",
            "+10000-01-01T00:00:00Z, false",
            "+300000-01-01T00:00:00Z, false",     // the gateway reproduction: reached PostgreSQL, answered 500
            "-000001-01-01T00:00:00Z, false",
            "+1000000000-12-31T23:59:59Z, false"})
    void instantsFrom1900To9999AreStorable(String instant, boolean storable) {
        Set<String> violations = invalid(new Appointment(Instant.parse(instant), null));
        assertEquals(storable ? Set.of() : Set.of("at: must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z"),
                violations);
        assertEquals(storable, StorableInstant.Validator.isStorable(Instant.parse(instant)));
    }

    @ParameterizedTest(name = "{0} storable: {1}")
    @CsvSource({
            "1900-01-01, true",
            "2026-12-31, true",
            "9999-12-31, true",
            "1899-12-31, false",
            "+10000-01-01, false",
            "+999999999-12-31, false",
            "-999999999-01-01, false"})
    void datesFrom1900To9999AreStorable(String date, boolean storable) {
        Set<String> violations = invalid(new Appointment(null, LocalDate.parse(date)));
        assertEquals(storable ? Set.of() : Set.of("on: must be between 1900-01-01 and 9999-12-31"), violations);
    }

    @org.junit.jupiter.api.Test
    void nullIsLeftToNotNull() {
        assertEquals(Set.of(), invalid(new Appointment(null, null)));
    }
}
