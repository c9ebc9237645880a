package com.cspdesk.application.ordering.port.out;

import com.cspdesk.domain.subscription.Subscription;

import java.util.List;

/**
 * Issue #16: the subscriptions an order starts (its lines of contract type subscription, in their
 * first term), stored in the order's transaction, all in one go.
 */
public interface SubscriptionStarts {

    void start(List<Subscription> subscriptions);
}
