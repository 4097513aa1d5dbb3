package io.partnerhub.chassis.testing;

import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Bean Validation in a plain unit test (no Quarkus, no expression language): a validator factory built before the
 * class's tests and closed after them. Register it with {@code @RegisterExtension static final BeanValidation ...}.
 */
public final class BeanValidation implements BeforeAllCallback, AfterAllCallback {

    private ValidatorFactory factory;

    @Override
    public void beforeAll(ExtensionContext context) {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        factory.close();
    }

    /** The constraint violations of {@code bean}, each as {@code describe} says it. */
    public <T> Set<String> violations(T bean, Function<ConstraintViolation<T>, String> describe) {
        return factory.getValidator().validate(bean).stream().map(describe).collect(Collectors.toSet());
    }
}
