package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;

import java.util.Optional;

/** api.md "Orders": a customer's orders, newest first, in keyset pages; empty when the customer is not visible. */
public interface ListOrders {

    Optional<Page<OrderView>> list(String customerTenantId, PageRequest page, Actor actor);
}
