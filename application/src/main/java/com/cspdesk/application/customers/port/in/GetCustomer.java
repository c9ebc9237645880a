package com.cspdesk.application.customers.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

/**
 * api.md "Customers": one customer by tenant id or by domain. Not found ({@code customer_not_found})
 * when there is none or the actor may not see it (another tenant's admin gets the same answer as
 * for a missing customer). Needs {@code VIEW_CUSTOMERS}.
 */
public interface GetCustomer {

    Lookup<CustomerView> get(CustomerRef customer, Actor actor);
}
