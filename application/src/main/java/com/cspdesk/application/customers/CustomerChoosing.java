package com.cspdesk.application.customers;

import com.cspdesk.application.customers.port.in.ChooseCustomer;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.util.List;
import java.util.Optional;

/** {@link ChooseCustomer}: one read of the customers in name order, or the customer's own. */
public final class CustomerChoosing implements ChooseCustomer {

    private final Customers customers;

    public CustomerChoosing(Customers customers) {
        this.customers = customers;
    }

    @Override
    public List<Choice> choices(Actor actor, int limit) {
        if (!(actor.may(Permission.VIEW_CUSTOMERS) || actor.may(Permission.READ_ACTIVITY_LOG)) || limit < 1) {
            return List.of();
        }
        if (actor.customerTenantId().isPresent()) {
            return customers.byTenantId(actor.customerTenantId().get()).map(c -> List.of(new Choice(c.tenantId(), c.companyName())))
                    .orElse(List.of());
        }
        return customers.page(Optional.empty(), Optional.empty(), limit).stream()
                .map(c -> new Choice(c.tenantId(), c.companyName())).toList();
    }
}
