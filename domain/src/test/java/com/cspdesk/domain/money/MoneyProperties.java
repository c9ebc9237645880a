package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.market.Market;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Sums of lines, and credits that reverse them, never lose or invent a minor unit. */
class MoneyProperties {

    private static final List<String> CURRENCIES = List.of("EUR", "HUF", "JPY", "AUD", "BRL", "USD", "KWD");
    private static final List<String> MARKETS = List.of("HU", "DE", "PL", "SE", "TR", "AU", "BR", "GB", "US", "CH", "AR");

    private final PriceQuotePolicy policy = PriceQuotePolicy.defaults();

    record Line(Money unitPrice, int quantity, Market market) {
        PriceQuote quote(PriceQuotePolicy policy) {
            return policy.quote(unitPrice, quantity, market);
        }
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(CURRENCIES).map(Currency::getInstance);
    }

    @Provide
    Arbitrary<Market> markets() {
        return Arbitraries.of(MARKETS).map(Market::of);
    }

    /** Unit prices from 0 to 100,000 major units, in minor units of the currency. */
    private static Arbitrary<Money> prices(Currency currency) {
        int digits = Money.minorUnitDigits(currency);
        return Arbitraries.longs().between(0, 100_000L * BigDecimal.TEN.pow(digits).longValueExact())
                .map(minor -> new Money(BigDecimal.valueOf(minor, digits), currency));
    }

    @Provide
    Arbitrary<PriceQuote> lines() {
        return Combinators.combine(currencies(), Arbitraries.integers().between(1, 10_000), markets())
                .flatAs((currency, quantity, market) -> prices(currency).map(price -> policy.quote(price, quantity, market)));
    }

    @Provide
    Arbitrary<List<Line>> orders() {
        return currencies().flatMap(currency -> Combinators
                .combine(prices(currency), Arbitraries.integers().between(1, 10_000), markets())
                .as(Line::new)
                .list().ofMinSize(1).ofMaxSize(20));
    }

    @Provide
    Arbitrary<Proportion> proportions() {
        return Arbitraries.longs().between(1, 1_100)
                .flatMap(denominator -> Arbitraries.longs().between(0, denominator).map(n -> Proportion.of(n, denominator)));
    }

    @Property
    void net_plus_tax_is_gross_for_every_quote(@ForAll("lines") PriceQuote line) {
        assertThat(line.net().plus(line.tax())).isEqualTo(line.gross());
        assertThat(line.tax().isNegative()).isFalse();
        assertThat(line.net().isNegative()).isFalse();
    }

    @Property
    void tax_follows_the_rounding_rule(
            @ForAll("currencies") Currency currency,
            @ForAll @LongRange(min = 0, max = 10_000_000) long minorUnits,
            @ForAll @IntRange(min = 1, max = 1_000) int quantity,
            @ForAll("markets") Market market) {
        Money unitPrice = new Money(BigDecimal.valueOf(minorUnits, Money.minorUnitDigits(currency)), currency);
        PriceQuote line = policy.quote(unitPrice, quantity, market);
        BigDecimal rate = TaxRates.defaults().rateFor(market).value();
        BigDecimal amount = unitPrice.amount().multiply(BigDecimal.valueOf(quantity));

        if (TaxInclusiveMarkets.asInSpec().includesTax(market)) {
            assertThat(line.gross().amount()).isEqualByComparingTo(amount);
            BigDecimal exactTax = amount.multiply(rate).divide(BigDecimal.ONE.add(rate), java.math.MathContext.DECIMAL128);
            assertThat(line.tax()).isEqualTo(new Money(exactTax, currency));
        } else {
            assertThat(line.net().amount()).isEqualByComparingTo(amount);
            assertThat(line.tax()).isEqualTo(new Money(amount.multiply(rate), currency));
        }
    }

    @Property
    void totals_are_the_sum_of_rounded_lines(@ForAll("orders") List<Line> order) {
        Currency currency = order.get(0).unitPrice().currency();
        List<PriceQuote> quotes = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Line line : order) {
            PriceQuote quote = line.quote(policy);
            quotes.add(quote);
            net = net.add(quote.net().amount());
            tax = tax.add(quote.tax().amount());
            gross = gross.add(quote.gross().amount());
        }

        PriceQuote total = PriceQuote.total(currency, quotes);

        assertThat(total.net().amount()).isEqualByComparingTo(net);
        assertThat(total.tax().amount()).isEqualByComparingTo(tax);
        assertThat(total.gross().amount()).isEqualByComparingTo(gross);
        assertThat(total.net().plus(total.tax())).isEqualTo(total.gross());
    }

    @Property
    void a_full_credit_reverses_a_line_exactly(@ForAll("lines") PriceQuote line) {
        PriceQuote credit = line.share(Proportion.ALL);

        assertThat(credit).isEqualTo(line);
        assertThat(line.minus(credit).isZero()).isTrue();
    }

    @Property
    void a_prorated_credit_never_exceeds_the_line(@ForAll("lines") PriceQuote line, @ForAll("proportions") Proportion share) {
        PriceQuote credit = line.share(share);

        assertThat(credit.isWithin(line)).isTrue();
        assertThat(credit.net().plus(credit.tax())).isEqualTo(credit.gross());
    }

    @Property
    void a_larger_share_never_credits_less(
            @ForAll("lines") PriceQuote line, @ForAll @IntRange(min = 1, max = 1_096) int days, @ForAll @IntRange(min = 0, max = 1_096) int a,
            @ForAll @IntRange(min = 0, max = 1_096) int b) {
        Proportion smaller = Proportion.of(Math.min(Math.min(a, b), days), days);
        Proportion larger = Proportion.of(Math.min(Math.max(a, b), days), days);

        assertThat(line.share(smaller).gross().isAtMost(line.share(larger).gross())).isTrue();
    }

    /**
     * Credits for complementary shares, the second capped at what the first left (as {@code CancellationCredit}
     * caps at charged minus already credited), add up to the line exactly.
     */
    @Property
    void credits_of_complementary_shares_add_up_to_the_line(@ForAll("lines") PriceQuote line, @ForAll("proportions") Proportion share) {
        PriceQuote first = line.share(share);
        PriceQuote second = line.share(share.complement()).cappedAt(line.minus(first));

        assertThat(first.plus(second)).isEqualTo(line);
    }

    /**
     * Computed independently, two complementary shares differ from the line by at most one minor unit per part,
     * and only when both land exactly on half a minor unit (half up then rounds both up): hence the cap above.
     */
    @Property
    void independent_complementary_shares_are_off_by_at_most_one_minor_unit(
            @ForAll("lines") PriceQuote line, @ForAll("proportions") Proportion share) {
        PriceQuote sum = line.share(share).plus(line.share(share.complement()));
        Money oneUnit = line.gross().minorUnit();

        assertThat(sum.gross().minus(line.gross()).isAtMost(oneUnit)).isTrue();
        assertThat(sum.gross().isAtMost(line.gross().minus(oneUnit))).isFalse();
        boolean grossTie = isHalfAMinorUnit(line.gross(), share);
        if (!grossTie) {
            assertThat(sum.gross()).isEqualTo(line.gross());
        }
    }

    @Property
    void sums_of_money_are_exact(@ForAll @Size(max = 50) List<@LongRange(min = -1_000_000_000L, max = 1_000_000_000L) Long> cents) {
        Money total = Money.zero(Currency.getInstance("EUR"));
        long expected = 0;
        for (long c : cents) {
            total = total.plus(new Money(BigDecimal.valueOf(c, 2), total.currency()));
            expected += c;
        }
        assertThat(total.amount()).isEqualByComparingTo(BigDecimal.valueOf(expected, 2));
    }

    /** Whether {@code amount × share} falls exactly on half a minor unit. */
    private static boolean isHalfAMinorUnit(Money amount, Proportion share) {
        BigInteger minorUnits = amount.amount().unscaledValue();
        BigInteger scaled = minorUnits.multiply(BigInteger.valueOf(share.numerator()));
        BigInteger denominator = BigInteger.valueOf(share.denominator());
        return scaled.mod(denominator).signum() != 0 && scaled.shiftLeft(1).mod(denominator).signum() == 0;
    }
}
