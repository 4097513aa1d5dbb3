package io.partnerhub.chassis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

import jakarta.validation.ConstraintValidator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class StorableDateTimeTest {

    @ParameterizedTest(name = "{0}: storable {1}")
    @CsvSource({
            "1900-01-01, true",
            "2026-06-30, true",
            "9999-12-31, true",
            "1899-12-31, false",
            "+10000-01-01, false",
            "-0001-01-01, false" })
    void aDateIsStorableFrom1900To9999(String date, boolean storable) {
        assertStorable(LocalDate.parse(date), storable, StorableDate.Validator::isStorable, new StorableDate.Validator());
    }

    @ParameterizedTest(name = "{0}: storable {1}")
    @CsvSource({
            "1900-01-01T00:00:00Z, true",
            "2026-06-30T12:00:00Z, true",
            "9999-12-31T23:59:59.999999999Z, true",
            "1899-12-31T23:59:59.999Z, false",
            "+10000-01-01T00:00:00Z, false",
            "+300000-01-01T00:00:00Z, false" })
    void anInstantIsStorableFrom1900UpToButNotIncludingTheYear10000(String instant, boolean storable) {
        assertStorable(Instant.parse(instant), storable, StorableInstant.Validator::isStorable,
                new StorableInstant.Validator());
    }

    @ParameterizedTest
    @NullSource
    void nullIsLeftToNotNull(Object nothing) {
        assertThat(StorableDate.Validator.isStorable(null)).isTrue();
        assertThat(StorableInstant.Validator.isStorable(null)).isTrue();
    }

    /** The static check and the constraint validator say the same of {@code value}. */
    private static <T> void assertStorable(T value, boolean storable, Predicate<T> isStorable,
            ConstraintValidator<?, T> validator) {
        assertThat(isStorable.test(value)).isEqualTo(storable);
        assertThat(validator.isValid(value, null)).isEqualTo(storable);
    }
}
