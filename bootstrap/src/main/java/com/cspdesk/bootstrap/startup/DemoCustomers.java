package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.market.Market;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sandbox mode only: demo customers with fixed tenant ids, added once. Contoso is the customer
 * whose admin signs in as {@code customer.admin@contoso.demo}.
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
class DemoCustomers {

    static final String CONTOSO = DemoUsers.DEMO_CUSTOMER_TENANT;
    static final String FABRIKAM = "7a2e4c61-3f0b-4d8e-9a15-6b4c2d1e0f93";
    static final String NORTHWIND = "9d3b1f27-6c4e-4a05-8b72-1e0f5a6c3d48";
    static final String WINGTIP = "2f8c5e14-9b3a-4d67-a0e1-4c7d2b9f6a35";
    static final String KALAALLIT = "c4e6a8b0-1d3f-4521-9e7b-5a3c1f0d2e86";

    static final List<Customers.Customer> CUSTOMERS = List.of(
            customer(CONTOSO, "Contoso GmbH", "contoso.demo", "DE"),
            customer(FABRIKAM, "Fabrikam Kft.", "fabrikam.demo", "HU"),
            customer(NORTHWIND, "Northwind Traders Pty Ltd", "northwind.demo", "AU"),
            customer(WINGTIP, "Wingtip Toys AB", "wingtip.demo", "SE"),
            customer(KALAALLIT, "Kalaallit Fisk ApS", "kalaallit.demo", "GL"));

    private final Customers customers;
    private final Transactions transactions;
    private final Clock clock;

    DemoCustomers(Customers customers, Transactions transactions, Clock clock) {
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adds the demo customers that are not there yet (DemoStart, at start-up). */
    void ensure() {
        for (Customers.Customer demo : CUSTOMERS) {
            if (customers.byTenantId(demo.tenantId()).isEmpty()) {
                // A unit of work: instances starting at once on a cluster add the same row on two nodes, and the
                // loser's conflict is retried, then finds it added (a duplicate, which add() answers false).
                transactions.inTransaction(() -> customers.add(new Customers.Customer(demo.tenantId(), demo.companyName(),
                        demo.domain(), demo.country(), clock.instant().truncatedTo(ChronoUnit.MICROS))));
            }
        }
    }

    private static Customers.Customer customer(String tenant, String name, String domain, String country) {
        return new Customers.Customer(tenant, name, domain, Market.of(country), null);
    }
}
