package com.cspdesk.adapters.memory.subscriptions;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers;
import com.cspdesk.application.subscriptions.port.out.Subscriptions.Stored;
import com.cspdesk.domain.subscription.Subscription;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every customer's subscriptions in memory, in term-end order, filtered as the JDBC adapter filters them. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySubscriptionsAcrossCustomers implements SubscriptionsAcrossCustomers {

    private static final Comparator<Stored> TERM_END = Comparator.comparing((Stored s) -> s.subscription().termEnd())
            .thenComparing(s -> s.subscription().id());

    private final MemorySubscriptions subscriptions;
    private final Customers customers;

    MemorySubscriptionsAcrossCustomers(MemorySubscriptions subscriptions, Customers customers) {
        this.subscriptions = subscriptions;
        this.customers = customers;
    }

    @Override
    public List<CustomerSubscription> page(AcrossCustomersFilter filter, Optional<AcrossCustomersFilter.Position> after,
                                           int limit) {
        if (limit < 1) {
            return List.of();
        }
        return subscriptions.all().stream()
                .filter(s -> filter.customerTenantId().map(s.subscription().customerTenantId()::equals).orElse(true))
                .filter(s -> filter.productId().map(product -> s.offerId().startsWith(product + ":")).orElse(true))
                .filter(s -> filter.status().map(status -> status.equals(shownStatus(s))).orElse(true))
                .filter(s -> filter.from().map(from -> !s.subscription().termEnd().isBefore(from)).orElse(true))
                .filter(s -> filter.to().map(to -> s.subscription().termEnd().isBefore(to)).orElse(true))
                .filter(s -> after.map(p -> s.subscription().termEnd().isAfter(p.at())
                        || s.subscription().termEnd().equals(p.at()) && s.subscription().id().compareTo(p.id()) > 0).orElse(true))
                .sorted(TERM_END).limit(limit)
                .map(s -> new CustomerSubscription(s, customers.byTenantId(s.subscription().customerTenantId())
                        .map(Customers.Customer::companyName).orElse(s.subscription().customerTenantId())))
                .toList();
    }

    /** As the list shows it: a first-term line cancelled with its order is a cancelled subscription. */
    private static String shownStatus(Stored stored) {
        Subscription subscription = stored.subscription();
        return stored.lineCancelled() && subscription.ended().isEmpty() ? "cancelled" : subscription.status().code();
    }
}
