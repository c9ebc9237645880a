package com.cspdesk.application.ordering.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

/**
 * api.md "Orders": one order of a customer; not found ({@code customer_not_found},
 * {@code order_not_found}) when missing or not visible to the actor. Needs {@code VIEW_ORDERS}.
 */
public interface GetOrder {

    Lookup<OrderView> get(CustomerRef customer, String orderId, Actor actor);
}
