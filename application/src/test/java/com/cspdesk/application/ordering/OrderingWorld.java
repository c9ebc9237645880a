package com.cspdesk.application.ordering;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuotePolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the ordering use cases (placing and quoting) are tested against: the spec's rules, the test
 * catalog, a customer in Hungary, Australia and Greenland, and a mock for every other port.
 */
final class OrderingWorld {

    static final String HU_TENANT = "11111111-1111-4111-8111-111111111111";
    static final String AU_TENANT = "22222222-2222-4222-8222-222222222222";
    static final String GL_TENANT = "33333333-3333-4333-8333-333333333333";
    static final Actor AGENT = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);

    final Customers customers = mock(Customers.class);
    final Orders orders = mock(Orders.class);
    final Entitlements entitlements = mock(Entitlements.class);
    final SubscriptionStarts subscriptionStarts = mock(SubscriptionStarts.class);
    final ActivityLog activityLog = mock(ActivityLog.class);
    final Transactions transactions = mock(Transactions.class);
    final Ordering ordering;

    OrderingWorld(Instant now) {
        customer(HU_TENANT, "HU", now);
        customer(AU_TENANT, "AU", now);
        customer(GL_TENANT, "GL", now);
        ordering = new Ordering(customers, new CatalogFixture(), orders, entitlements, subscriptionStarts, activityLog, transactions,
                ProductAvailability.asInSpec(), MarketCurrencies.defaults(), PriceQuotePolicy.defaults(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private void customer(String tenant, String country, Instant now) {
        when(customers.byTenantId(tenant)).thenReturn(Optional.of(new Customers.Customer(tenant, "Customer " + country,
                country.toLowerCase(Locale.ROOT) + ".example", Market.of(country), now)));
    }
}
