package com.cspdesk.adapters.web.orders;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON value that is a whole number written as one ({@code 3}, not {@code 3.0}, {@code 1.5}, {@code 3e0}
 * or {@code "3"}) from {@link #min()} to {@link #max()}. Declared on a {@link io.micronaut.json.tree.JsonNode}
 * because a Java {@code int} would let the JSON reader round {@code 1.5} to 1 and read {@code "2"} as 2.
 * Public because Micronaut builds the annotation's instance from outside this package.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface WholeNumber {

    String message() default "must be a whole number from {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    long min();

    long max();
}
