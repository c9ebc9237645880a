package com.cspdesk.domain.money;

import java.math.BigDecimal;

/**
 * An exact share of a whole, {@code numerator / denominator} with {@code 0 <= numerator <= denominator},
 * such as 320 remaining days of a 365-day term. Kept as two whole numbers so prorating rounds once.
 */
public record Proportion(long numerator, long denominator) {

    public static final Proportion ALL = new Proportion(1, 1);
    public static final Proportion NONE = new Proportion(0, 1);

    public Proportion {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("share must lie in [0, 1]: " + numerator + "/" + denominator);
        }
    }

    public static Proportion of(long numerator, long denominator) {
        return new Proportion(numerator, denominator);
    }

    /** The rest of the whole: {@code (denominator - numerator) / denominator}. */
    public Proportion complement() {
        return new Proportion(denominator - numerator, denominator);
    }

    public boolean isAll() {
        return numerator == denominator;
    }

    public boolean isNone() {
        return numerator == 0;
    }

    /** {@code money × numerator / denominator}, rounded once to the minor unit with {@link Money#ROUNDING}. */
    public Money applyTo(Money money) {
        BigDecimal share = money.amount()
                .multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), money.amount().scale(), Money.ROUNDING);
        return new Money(share, money.currency());
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
