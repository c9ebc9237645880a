package com.cspdesk.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of one currency, held at the currency's minor unit ({@link Currency#getDefaultFractionDigits()}).
 *
 * <p>Rounding happens in one place, the constructor, with {@link #ROUNDING} = {@link RoundingMode#HALF_UP}
 * ("commercial rounding"): it is what a customer reproduces on a calculator when checking an invoice and
 * what VAT practice uses in the default markets (DE, HU, PL, SE, TR...). Its upward bias on exact halves
 * cannot pile up because totals are sums of already rounded lines and are never rounded again.
 * The minor unit follows the JDK even where cash differs (HUF has 2 digits in the JDK, JPY 0).
 * Currencies without a minor unit (XAU, XXX) are refused. Arithmetic across currencies is refused with
 * {@link CurrencyMismatchException}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The one rounding mode of the domain, used wherever an amount meets the minor unit. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(minorUnitDigits(currency), ROUNDING);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** For example {@code Money.of("1190.00", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /**
     * An amount a person typed: a positive decimal with at most the currency's decimal places (and at most
     * 17 digits), and an ISO 4217 code in any case; empty when it is not such an amount.
     */
    public static Optional<Money> parsePositive(String amount, String currencyCode) {
        if (amount == null || currencyCode == null) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(amount.strip());
            Currency currency = Currency.getInstance(currencyCode.strip().toUpperCase(Locale.ROOT));
            if (value.signum() <= 0 || value.scale() > minorUnitDigits(currency) || value.precision() > 17) {
                return Optional.empty();
            }
            return Optional.of(of(value, currency));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Digits of the minor unit (2 for EUR, 0 for JPY); refuses currencies that have none. */
    public static int minorUnitDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency has no minor unit: " + currency.getCurrencyCode());
        }
        return digits;
    }

    /** The smallest amount of this currency: one cent, one fillér, one yen. */
    public Money minorUnit() {
        return new Money(BigDecimal.ONE.movePointLeft(amount.scale()), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Exact: a whole quantity times an amount already at the minor unit needs no rounding. */
    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** Multiplies by a factor (a rate, a share) and rounds once to the minor unit with {@link #ROUNDING}. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isAtMost(Money other) {
        return compareTo(other) <= 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean hasCurrency(Currency other) {
        return currency.equals(other);
    }

    /** Orders amounts of the same currency; comparing across currencies is refused. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** For example {@code "1190.00 EUR"}: the amount as a plain decimal string and the ISO currency code. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
