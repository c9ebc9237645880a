package com.cspdesk.domain.money;

import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

/**
 * Net, tax and gross of one line (or of a sum of lines, or of a credit), all in one currency.
 *
 * <p>Invariants, checked on construction: {@code net + tax == gross} exactly, no component is negative.
 * A credit is a quote too: a positive amount given back.
 */
public record PriceQuote(Money net, Money tax, Money gross) {

    public PriceQuote {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(gross, "gross");
        net.requireSameCurrency(tax);
        net.requireSameCurrency(gross);
        if (net.isNegative() || tax.isNegative() || gross.isNegative()) {
            throw new IllegalArgumentException("a quote has no negative parts: " + net + " + " + tax + " = " + gross);
        }
        if (!net.plus(tax).equals(gross)) {
            throw new IllegalArgumentException("net + tax must equal gross: " + net + " + " + tax + " != " + gross);
        }
    }

    /** The quote of an amount that excludes tax: gross is {@code net + tax}. */
    public static PriceQuote fromNetAndTax(Money net, Money tax) {
        return new PriceQuote(net, tax, net.plus(tax));
    }

    /** The quote of an amount that includes tax: net is {@code gross - tax}. */
    public static PriceQuote fromGrossAndTax(Money gross, Money tax) {
        return new PriceQuote(gross.minus(tax), tax, gross);
    }

    public static PriceQuote zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new PriceQuote(zero, zero, zero);
    }

    /** Totals of lines: the plain sum of already rounded lines, never rounded again (so never a cent lost or invented). */
    public static PriceQuote total(Currency currency, Collection<PriceQuote> lines) {
        PriceQuote total = zero(currency);
        for (PriceQuote line : lines) {
            total = total.plus(line);
        }
        return total;
    }

    public Currency currency() {
        return gross.currency();
    }

    public PriceQuote plus(PriceQuote other) {
        return new PriceQuote(net.plus(other.net), tax.plus(other.tax), gross.plus(other.gross));
    }

    /** What remains of this quote after {@code other} (for example charged minus already credited); refuses going negative. */
    public PriceQuote minus(PriceQuote other) {
        return new PriceQuote(net.minus(other.net), tax.minus(other.tax), gross.minus(other.gross));
    }

    /**
     * A share of this quote, as a prorated credit takes it: gross and tax are each prorated and rounded
     * once ({@link Proportion#applyTo(Money)}), net is their difference. So {@code net + tax == gross} holds,
     * tax is reversed in the same proportion as the price, and no part exceeds the same part of this quote.
     * The whole ({@link Proportion#ALL}) is this quote exactly.
     */
    public PriceQuote share(Proportion proportion) {
        if (proportion.isAll()) {
            return this;
        }
        return fromGrossAndTax(proportion.applyTo(gross), proportion.applyTo(tax));
    }

    /** Whether every part (net, tax, gross) is at most the same part of {@code limit}. */
    public boolean isWithin(PriceQuote limit) {
        return net.isAtMost(limit.net) && tax.isAtMost(limit.tax) && gross.isAtMost(limit.gross);
    }

    /**
     * This quote, cut down so that no part exceeds the same part of {@code limit} (used for "never credit more
     * than was charged minus already credited"). Gross is capped first, then tax is kept as close to this
     * quote's tax as the limit's tax and net allow; a quote already within the limit comes back unchanged.
     */
    public PriceQuote cappedAt(PriceQuote limit) {
        if (isWithin(limit)) {
            return this;
        }
        Money cappedGross = gross.min(limit.gross);
        Money cappedTax = tax.min(limit.tax).min(cappedGross).max(cappedGross.minus(limit.net));
        return fromGrossAndTax(cappedGross, cappedTax);
    }

    public boolean isZero() {
        return gross.isZero() && tax.isZero();
    }

    @Override
    public String toString() {
        return "PriceQuote[net=" + net + ", tax=" + tax + ", gross=" + gross + "]";
    }
}
