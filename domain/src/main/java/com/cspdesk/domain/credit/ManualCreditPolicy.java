package com.cspdesk.domain.credit;

import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.Proportion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A manual credit note for an order — goodwill, or a refund support approved (issue #16). Rules, in the
 * order they are checked:
 * <ol>
 *   <li>only {@link CreditReason#GOODWILL} and {@link CreditReason#REFUND} are given by hand;</li>
 *   <li>a written reason (not blank) goes with it;</li>
 *   <li>the amount is gross (what the customer's invoice shows), positive, in the order's currency;</li>
 *   <li>never more than the order can still be credited: every line's charge less every credit on it so
 *       far (cancellations, earlier refunds and goodwill alike) — so a refund approved for more than is left
 *       is refused, not cut down silently.</li>
 * </ol>
 * The amount is spread over the lines in line-number order, each taking up to what is creditable on it;
 * a line's share is split into net and tax in the proportion that line's creditable rest has them
 * ({@link PriceQuote#share}), so tax is reversed as it was charged and {@code net + tax == gross}.
 */
public final class ManualCreditPolicy {

    public ManualCreditDecision decide(CreditReason reason, String explanation, Money amount, List<CreditableLine> lines) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(amount, "amount");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        Money creditable = creditable(lines);
        if (!reason.isManual()) {
            return new ManualCreditDecision.Refused(ManualCreditRefusal.REASON_NOT_MANUAL, creditable);
        }
        if (explanation == null || explanation.isBlank()) {
            return new ManualCreditDecision.Refused(ManualCreditRefusal.REASON_MISSING, creditable);
        }
        if (!amount.hasCurrency(creditable.currency())) {
            return new ManualCreditDecision.Refused(ManualCreditRefusal.CURRENCY_MISMATCH, creditable);
        }
        Money wanted = amount;
        if (!wanted.isPositive()) {
            return new ManualCreditDecision.Refused(ManualCreditRefusal.AMOUNT_NOT_POSITIVE, creditable);
        }
        if (wanted.isGreaterThan(creditable)) {
            return new ManualCreditDecision.Refused(ManualCreditRefusal.EXCEEDS_CREDITABLE, creditable);
        }
        List<ManualCreditDecision.LineCredit> credits = new ArrayList<>();
        PriceQuote total = PriceQuote.zero(creditable.currency());
        Money left = wanted;
        for (CreditableLine line : lines.stream().sorted(Comparator.comparingInt(CreditableLine::lineItemNumber)).toList()) {
            PriceQuote rest = line.creditable();
            if (left.isZero() || rest.gross().isZero()) {
                continue;
            }
            Money take = left.min(rest.gross());
            PriceQuote credit = rest.share(Proportion.of(minorUnits(take), minorUnits(rest.gross()))).cappedAt(rest);
            credits.add(new ManualCreditDecision.LineCredit(line.lineItemNumber(), credit));
            total = total.plus(credit);
            left = left.minus(credit.gross());
        }
        return new ManualCreditDecision.Allocated(credits, total);
    }

    /** What the order's lines can still be credited, gross. */
    public static Money creditable(List<CreditableLine> lines) {
        Money sum = null;
        for (CreditableLine line : lines) {
            Money rest = line.creditable().gross();
            sum = sum == null ? rest : sum.plus(rest);
        }
        return Objects.requireNonNull(sum, "an order has at least one line");
    }

    private static long minorUnits(Money money) {
        return money.amount().movePointRight(money.amount().scale()).longValueExact();
    }
}
