package com.cspdesk.application.portfolio;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.in.CustomerSoftwareView;
import com.cspdesk.application.portfolio.port.in.ListSoftwareInventory;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.SoftwareAcrossCustomers;
import com.cspdesk.application.software.SoftwareViews;
import com.cspdesk.domain.access.Actor;

import java.util.Set;
import java.util.function.Consumer;

/** The licence inventory: every customer's software lines, newest purchase first, with customer and quantity. */
public final class SoftwareInventoryReading implements ListSoftwareInventory {

    static final String TOKEN_KIND = "allsoftware";
    static final Set<String> STATUSES = Set.of("active", "cancelled");

    private final AcrossCustomersPaging<SoftwareAcrossCustomers.CustomerSoftware, CustomerSoftwareView> paging;

    public SoftwareInventoryReading(SoftwareAcrossCustomers software, Customers customers) {
        this.paging = new AcrossCustomersPaging<>(TOKEN_KIND, STATUSES, "purchasedTo", software::page,
                row -> new Position(row.entitlement().purchasedAt(), row.entitlement().id()),
                row -> new CustomerSoftwareView(SoftwareViews.view(row.entitlement()), row.entitlement().customerTenantId(),
                        row.customerName(), row.entitlement().active() ? row.quantity() : 0), customers);
    }

    @Override
    public AcrossCustomersResult<CustomerSoftwareView> list(AcrossCustomersQuery query, Actor actor) {
        return paging.list(query, actor);
    }

    @Override
    public AcrossCustomersResult<CustomerSoftwareView> forEach(AcrossCustomersQuery query, Actor actor,
                                                               Consumer<CustomerSoftwareView> sink) {
        return paging.forEach(query, actor, sink);
    }
}
