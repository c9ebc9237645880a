package com.cspdesk.domain.credit;

import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManualCreditPolicyTest {

    private final ManualCreditPolicy policy = new ManualCreditPolicy();

    private static PriceQuote eur(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }

    /** Two lines: 100 + 27 tax (Hungary's rate) and 50 + 13.50, nothing credited. */
    private static final List<CreditableLine> TWO_LINES = List.of(
            new CreditableLine(1, eur("50.00", "13.50"), PriceQuote.zero(java.util.Currency.getInstance("EUR"))),
            new CreditableLine(0, eur("100.00", "27.00"), PriceQuote.zero(java.util.Currency.getInstance("EUR"))));

    @Test
    void exactlyWhatIsLeftIsAllowedAndTakesEveryLineWhole() {
        ManualCreditDecision decision = policy.decide(CreditReason.GOODWILL, "late delivery", Money.of("190.50", "EUR"), TWO_LINES);
        ManualCreditDecision.Allocated allocated = (ManualCreditDecision.Allocated) decision;
        assertThat(allocated.total()).isEqualTo(eur("150.00", "40.50"));
        assertThat(allocated.lines()).extracting(ManualCreditDecision.LineCredit::lineItemNumber).containsExactly(0, 1);
    }

    @Test
    void oneMinorUnitMoreThanIsLeftIsRefusedNamingWhatIsLeft() {
        ManualCreditDecision decision = policy.decide(CreditReason.REFUND, "approved", Money.of("190.51", "EUR"), TWO_LINES);
        assertThat(decision).isEqualTo(new ManualCreditDecision.Refused(ManualCreditRefusal.EXCEEDS_CREDITABLE, Money.of("190.50", "EUR")));
    }

    @Test
    void linesAreFilledInNumberOrderAndEachShareKeepsItsLinesTaxProportion() {
        ManualCreditDecision.Allocated allocated = (ManualCreditDecision.Allocated)
                policy.decide(CreditReason.GOODWILL, "sorry", Money.of("140.00", "EUR"), TWO_LINES);
        assertThat(allocated.lines()).containsExactly(
                new ManualCreditDecision.LineCredit(0, eur("100.00", "27.00")),
                // 13.00 of line 1's 63.50: tax 13.50 × 13.00 / 63.50 = 2.76
                new ManualCreditDecision.LineCredit(1, eur("10.24", "2.76")));
        assertThat(allocated.total().gross()).isEqualTo(Money.of("140.00", "EUR"));
    }

    @Test
    void whatWasCreditedBeforeIsNotCreditedAgain() {
        List<CreditableLine> lines = List.of(new CreditableLine(0, eur("100.00", "27.00"), eur("100.00", "27.00")),
                new CreditableLine(1, eur("50.00", "13.50"), eur("10.00", "2.70")));
        ManualCreditDecision.Allocated allocated = (ManualCreditDecision.Allocated)
                policy.decide(CreditReason.REFUND, "approved", Money.of("50.80", "EUR"), lines);
        assertThat(allocated.lines()).containsExactly(new ManualCreditDecision.LineCredit(1, eur("40.00", "10.80")));
        assertThat(policy.decide(CreditReason.REFUND, "approved", Money.of("50.81", "EUR"), lines))
                .isInstanceOf(ManualCreditDecision.Refused.class);
    }

    @Test
    void aFullyCreditedOrderRefusesEvenTheSmallestAmount() {
        List<CreditableLine> lines = List.of(new CreditableLine(0, eur("100.00", "27.00"), eur("100.00", "27.00")));
        assertThat(policy.decide(CreditReason.GOODWILL, "x", Money.of("0.01", "EUR"), lines))
                .isEqualTo(new ManualCreditDecision.Refused(ManualCreditRefusal.EXCEEDS_CREDITABLE, Money.of("0.00", "EUR")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "-0.01", "-100"})
    void zeroAndNegativeAmountsAreRefused(String amount) {
        assertThat(policy.decide(CreditReason.GOODWILL, "x", Money.of(amount, "EUR"), TWO_LINES))
                .extracting(d -> ((ManualCreditDecision.Refused) d).reason()).isEqualTo(ManualCreditRefusal.AMOUNT_NOT_POSITIVE);
    }

    @Test
    void theSmallestPositiveAmountIsAllowed() {
        ManualCreditDecision.Allocated allocated = (ManualCreditDecision.Allocated)
                policy.decide(CreditReason.GOODWILL, "x", Money.of("0.01", "EUR"), TWO_LINES);
        assertThat(allocated.total()).isEqualTo(eur("0.01", "0.00"));
    }

    @Test
    void anotherCurrencyIsRefused() {
        assertThat(policy.decide(CreditReason.GOODWILL, "x", Money.of("10.00", "USD"), TWO_LINES))
                .extracting(d -> ((ManualCreditDecision.Refused) d).reason()).isEqualTo(ManualCreditRefusal.CURRENCY_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankReasonIsRefused(String explanation) {
        assertThat(policy.decide(CreditReason.GOODWILL, explanation, Money.of("10.00", "EUR"), TWO_LINES))
                .extracting(d -> ((ManualCreditDecision.Refused) d).reason()).isEqualTo(ManualCreditRefusal.REASON_MISSING);
        assertThat(policy.decide(CreditReason.GOODWILL, null, Money.of("10.00", "EUR"), TWO_LINES))
                .extracting(d -> ((ManualCreditDecision.Refused) d).reason()).isEqualTo(ManualCreditRefusal.REASON_MISSING);
    }

    @ParameterizedTest
    @EnumSource(value = CreditReason.class, names = {"CANCELLATION", "RENEWAL_CANCELLATION"})
    void creditsOfOtherFlowsAreNotGivenByHand(CreditReason reason) {
        assertThat(policy.decide(reason, "x", Money.of("10.00", "EUR"), TWO_LINES))
                .extracting(d -> ((ManualCreditDecision.Refused) d).reason()).isEqualTo(ManualCreditRefusal.REASON_NOT_MANUAL);
    }

    @Test
    void theTaxShareIsRoundedOnceToTheCurrencysMinorUnit() {
        List<CreditableLine> lines = List.of(new CreditableLine(0,
                PriceQuote.fromNetAndTax(Money.of("1000", "HUF"), Money.of("270", "HUF")), PriceQuote.zero(java.util.Currency.getInstance("HUF"))));
        ManualCreditDecision.Allocated allocated = (ManualCreditDecision.Allocated)
                policy.decide(CreditReason.GOODWILL, "x", Money.of("101", "HUF"), lines);
        // tax 270 × 101 / 1270 = 21.4724… → 21.47 (the desk keeps forint in fillér, as its invoices do)
        assertThat(allocated.total()).isEqualTo(PriceQuote.fromNetAndTax(Money.of("79.53", "HUF"), Money.of("21.47", "HUF")));
    }

    @Test
    void reasonsReadTheirCodesIgnoringCase() {
        assertThat(CreditReason.fromCode(" Goodwill ")).contains(CreditReason.GOODWILL);
        assertThat(CreditReason.fromCode("refund")).contains(CreditReason.REFUND);
        assertThat(CreditReason.fromCode("gift")).isEmpty();
        assertThat(CreditReason.fromCode(null)).isEmpty();
    }
}
