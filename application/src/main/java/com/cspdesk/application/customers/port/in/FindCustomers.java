package com.cspdesk.application.customers.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;

import java.util.Optional;

/**
 * api.md "Customers": the customers by company name, optionally those whose name or domain starts
 * with {@code query} (case-insensitive), in keyset pages. A customer's admin finds only its own.
 * Needs {@code VIEW_CUSTOMERS}.
 */
public interface FindCustomers {

    Lookup<Page<CustomerView>> find(Optional<String> query, PageRequest page, Actor actor);
}
