package com.cspdesk.domain.money;

import java.math.BigDecimal;
import java.util.Objects;

/** A tax rate as a fraction ({@code 0.27} for 27 %), between 0 and 1. */
public record TaxRate(BigDecimal value) {

    public static final TaxRate ZERO = new TaxRate(BigDecimal.ZERO);

    public TaxRate {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a tax rate lies between 0 and 1: " + value);
        }
        value = value.stripTrailingZeros();
    }

    /** For example {@code TaxRate.of("0.19")}. */
    public static TaxRate of(String value) {
        return new TaxRate(new BigDecimal(value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public String toString() {
        return value.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
