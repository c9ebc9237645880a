package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.money.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * A customer's self-service Azure reservation refunds, in US dollars: already refunded in the rolling
 * 12 months before now, and the credit of the cancellation being decided. Converting other currencies to
 * USD happens outside the domain (at the rate the operator chooses); both amounts arrive here as USD.
 */
public record ReservationRefunds(Money refundedInLast12MonthsUsd, Money thisCreditUsd) {

    public static final Currency USD = Currency.getInstance("USD");

    public ReservationRefunds {
        Objects.requireNonNull(refundedInLast12MonthsUsd, "refundedInLast12MonthsUsd");
        Objects.requireNonNull(thisCreditUsd, "thisCreditUsd");
        if (!refundedInLast12MonthsUsd.hasCurrency(USD) || !thisCreditUsd.hasCurrency(USD)) {
            throw new IllegalArgumentException("reservation refunds are counted in USD");
        }
        if (refundedInLast12MonthsUsd.isNegative() || thisCreditUsd.isNegative()) {
            throw new IllegalArgumentException("refunds are not negative");
        }
    }

    /** Refunds including this credit. */
    public Money totalUsd() {
        return refundedInLast12MonthsUsd.plus(thisCreditUsd);
    }
}
