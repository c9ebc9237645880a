package com.cspdesk.application.portfolio.port.out;

import com.cspdesk.application.subscriptions.port.out.Subscriptions;

import java.util.List;
import java.util.Optional;

/** Reading every customer's subscriptions. */
public interface SubscriptionsAcrossCustomers {

    /**
     * Subscriptions matching the filter — status as shown ({@code active}; {@code expired}; {@code cancelled}, which
     * includes one whose order line was cancelled in its first term), term end in {@code from <= end < to} — the
     * soonest term end first (term end, then id, both ascending), after {@code after} (exclusive), at most {@code limit}.
     */
    List<CustomerSubscription> page(AcrossCustomersFilter filter, Optional<AcrossCustomersFilter.Position> after, int limit);

    record CustomerSubscription(Subscriptions.Stored stored, String customerName) {
    }
}
