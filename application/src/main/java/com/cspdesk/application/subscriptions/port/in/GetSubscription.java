package com.cspdesk.application.subscriptions.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

/** One subscription of a customer ({@code subscription_not_found} otherwise). Needs {@code VIEW_ORDERS}. */
public interface GetSubscription {

    Lookup<SubscriptionView> get(CustomerRef customer, String subscriptionId, Actor actor);
}
