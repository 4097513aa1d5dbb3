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
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link LocalDate} that PostgreSQL can store and our date arithmetic can handle: years 1900–9999 (1900-01-01 to
 * 9999-12-31). {@code null} is valid (combine with {@code @NotNull}). See {@link StorableInstant}.
 */
@Documented
@Constraint(validatedBy = StorableDate.Validator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface StorableDate {

    LocalDate MIN = LocalDate.of(1900, 1, 1);
    LocalDate MAX = LocalDate.of(9999, 12, 31);

    String message() default "must be between 1900-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return isStorable(value);
        }

        public static boolean isStorable(LocalDate value) {
            return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
        }
    }
}
