package com.cspdesk.adapters.web.orders;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.math.BigInteger;
import java.util.Optional;

/** Checks {@link WholeNumber}: only a JSON integer token within the range passes; {@code null} is left to {@code @NotNull}. */
@Singleton
class WholeNumberValidator implements ConstraintValidator<WholeNumber, JsonNode> {

    @Override
    public boolean isValid(JsonNode value, AnnotationValue<WholeNumber> annotation, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        long min = annotation.longValue("min").orElseThrow();
        long max = annotation.longValue("max").orElseThrow();
        return wholeNumber(value)
                .map(number -> number.compareTo(BigInteger.valueOf(min)) >= 0 && number.compareTo(BigInteger.valueOf(max)) <= 0)
                .orElse(false);
    }

    /** The value when the JSON held an integer literal; a decimal or exponent literal, a string, anything else is not one. */
    static Optional<BigInteger> wholeNumber(JsonNode value) {
        if (!value.isNumber()) {
            return Optional.empty();
        }
        Number number = value.getNumberValue();
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return Optional.of(BigInteger.valueOf(number.longValue()));
        }
        if (number instanceof BigInteger big) {
            return Optional.of(big);
        }
        return Optional.empty();
    }
}
