package io.partnerhub.chassis.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An {@link Instant} that PostgreSQL can store and our date arithmetic can handle: from 1900-01-01T00:00:00Z up to, not
 * including, 10000-01-01T00:00:00Z (years 1900–9999 UTC). {@code null} is valid (combine with {@code @NotNull}).
 * Java accepts years up to ±1,000,000,000, PostgreSQL's {@code timestamptz} stops at 294276 AD, and date arithmetic on
 * extreme values throws: without this a year such as +300000 reaches the database and answers 500.
 */
@Documented
@Constraint(validatedBy = StorableInstant.Validator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface StorableInstant {

    Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
    /** Exclusive. */
    Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    String message() default "must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return isStorable(value);
        }

        public static boolean isStorable(Instant value) {
            return value == null || (!value.isBefore(MIN) && value.isBefore(END));
        }
    }
}
