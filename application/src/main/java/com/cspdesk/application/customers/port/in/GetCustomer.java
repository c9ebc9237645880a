package com.cspdesk.application.customers.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.Optional;

/**
 * api.md "Customers": one customer by tenant id or by domain. Empty when there is none or the
 * actor may not see it (another tenant's admin gets the same answer as for a missing customer).
 */
public interface GetCustomer {

    Optional<CustomerView> get(String tenantIdOrDomain, Actor actor);
}
