package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.money.Money;
import java.util.Objects;

/**
 * Anchor facts "Azure reservations": self-service refunds are limited to 50,000 USD per customer in a rolling 12 months; beyond that a support request is needed.
 *
 * <p>The limit is inclusive: refunds reaching exactly the limit are still self-service, one cent more is not.
 */
public final class ReservationRefundLimit {

    /** Microsoft's limit: 50,000 USD in a rolling 12-month window. */
    public static final Money DEFAULT_LIMIT_USD = Money.of("50000.00", "USD");

    private final Money limitUsd;

    public ReservationRefundLimit(Money limitUsd) {
        Objects.requireNonNull(limitUsd, "limitUsd");
        if (!limitUsd.hasCurrency(ReservationRefunds.USD) || limitUsd.isNegative()) {
            throw new IllegalArgumentException("the limit is a non-negative USD amount: " + limitUsd);
        }
        this.limitUsd = limitUsd;
    }

    public static ReservationRefundLimit asMicrosoftDoes() {
        return new ReservationRefundLimit(DEFAULT_LIMIT_USD);
    }

    /** Whether this refund stays within the limit: {@code alreadyRefunded + thisCredit <= limit}. */
    public boolean allowsSelfService(ReservationRefunds refunds) {
        return refunds.totalUsd().isAtMost(limitUsd);
    }

    public Money limitUsd() {
        return limitUsd;
    }
}
