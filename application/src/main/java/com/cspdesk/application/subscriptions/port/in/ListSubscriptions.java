package com.cspdesk.application.subscriptions.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

/** A customer's subscriptions, newest first, in keyset pages. Needs {@code VIEW_ORDERS} (a customer's admin: its own). */
public interface ListSubscriptions {

    Lookup<Page<SubscriptionView>> list(CustomerRef customer, PageRequest page, Actor actor);
}
