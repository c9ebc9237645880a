package com.cspdesk.application.customers;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.TenantAccess;
import com.cspdesk.domain.customer.CustomerRef;

import java.util.Optional;

/**
 * The one resolution of a customer named by a caller: by tenant id or by domain, then
 * {@link TenantAccess} (a customer's user sees its own tenant only). Every use case that addresses
 * a customer goes through here; empty means "not found" whether it is missing or someone else's.
 */
public final class VisibleCustomers {

    /** The code of the answer when the customer is missing or not the actor's to see. */
    public static final String NOT_FOUND = "customer_not_found";

    private final Customers customers;

    public VisibleCustomers(Customers customers) {
        this.customers = customers;
    }

    public Optional<Customers.Customer> resolve(CustomerRef ref, Actor actor) {
        if (ref == null) {
            return Optional.empty();
        }
        Optional<Customers.Customer> found = ref instanceof CustomerRef.TenantId
                ? customers.byTenantId(ref.value())
                : customers.byDomain(ref.value());
        return found.filter(customer -> TenantAccess.maySee(actor, customer.tenantId()));
    }
}
