package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.Latches;
import com.cspdesk.domain.catalog.ProductKind;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.cspdesk.contracts.CancellationFixtures.customer;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC adapter's locks are rows (the customer's, then the order's), so cancellations of different
 * customers run side by side; what every adapter must do is {@link com.cspdesk.contracts.OrderCancellationsContract}'s.
 */
@MicronautTest(startApplication = false, transactional = false)
class OrderCancellationsJdbcAdapterTest extends OnMariaDb {

    @Inject
    OrderCancellations cancellations;
    @Inject
    Orders orders;
    @Inject
    Customers customers;
    @Inject
    Transactions transactions;

    @Test
    void whileOneCustomersCancellationHoldsItsRowsAnotherCustomersRunsThrough() throws Exception {
        StoredOrder held = order(UUID.randomUUID().toString(), 1, ProductKind.AZURE_RESERVATION_VM);
        StoredOrder elsewhere = order(UUID.randomUUID().toString(), 1, ProductKind.AZURE_RESERVATION_VM);
        customers.add(customer(held.customerTenantId()));
        customers.add(customer(elsewhere.customerTenantId()));
        orders.add(held);
        orders.add(elsewhere);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
                cancellations.lockForCancellation(held.customerTenantId(), held.id()).orElseThrow();
                holding.countDown();
                Latches.await(release);
                return null;
            }), threads);
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            // Finishes while the first still holds its customer: it waits for no one.
            assertThat(CompletableFuture.supplyAsync(() -> transactions.inTransaction(() ->
                    cancellations.lockForCancellation(elsewhere.customerTenantId(), elsewhere.id())), threads)
                    .get(30, TimeUnit.SECONDS)).isPresent();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
