package com.cspdesk.application.portfolio;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.in.CustomerSubscriptionView;
import com.cspdesk.application.portfolio.port.in.ListSubscriptionsAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers;
import com.cspdesk.application.subscriptions.SubscriptionViews;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.subscription.RenewalCancellationPolicy;

import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/** Every customer's subscriptions, soonest term end first, each shown as its customer's list shows it. */
public final class SubscriptionsAcrossCustomersReading implements ListSubscriptionsAcrossCustomers {

    static final String TOKEN_KIND = "allsubscriptions";
    static final Set<String> STATUSES = Set.of("active", "expired", "cancelled");

    private final AcrossCustomersPaging<SubscriptionsAcrossCustomers.CustomerSubscription, CustomerSubscriptionView> paging;

    public SubscriptionsAcrossCustomersReading(SubscriptionsAcrossCustomers subscriptions, Customers customers,
                                               RenewalCancellationPolicy renewalCancellation, Clock clock) {
        this.paging = new AcrossCustomersPaging<>(TOKEN_KIND, STATUSES, "termEndTo", subscriptions::page,
                row -> new Position(row.stored().subscription().termEnd(), row.stored().subscription().id()),
                row -> new CustomerSubscriptionView(SubscriptionViews.view(row.stored(), renewalCancellation, clock.instant()),
                        row.customerName()), customers);
    }

    @Override
    public AcrossCustomersResult<CustomerSubscriptionView> list(AcrossCustomersQuery query, Actor actor) {
        return paging.list(query, actor);
    }

    @Override
    public AcrossCustomersResult<CustomerSubscriptionView> forEach(AcrossCustomersQuery query, Actor actor,
                                                                   Consumer<CustomerSubscriptionView> sink) {
        return paging.forEach(query, actor, sink);
    }
}
