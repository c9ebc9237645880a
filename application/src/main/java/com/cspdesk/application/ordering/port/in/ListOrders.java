package com.cspdesk.application.ordering.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

/**
 * api.md "Orders": a customer's orders, newest first, in keyset pages; not found
 * ({@code customer_not_found}) when the customer is not visible. Needs {@code VIEW_ORDERS}.
 */
public interface ListOrders {

    Lookup<Page<OrderView>> list(CustomerRef customer, PageRequest page, Actor actor);
}
