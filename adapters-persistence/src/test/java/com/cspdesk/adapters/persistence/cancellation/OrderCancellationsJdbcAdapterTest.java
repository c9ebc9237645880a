package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.LockWaits;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.OrderCancellations.CancelledLine;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.software.DownloadLink;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.cspdesk.adapters.persistence.cancellation.CancellationFixtures.BOUGHT;
import static com.cspdesk.adapters.persistence.cancellation.CancellationFixtures.credit;
import static com.cspdesk.adapters.persistence.cancellation.CancellationFixtures.entitlement;
import static com.cspdesk.adapters.persistence.cancellation.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class OrderCancellationsJdbcAdapterTest extends OnMariaDb {

    private static final Instant CANCELLED_AT = Instant.parse("2026-12-03T09:41:07.123456Z");

    @Inject
    OrderCancellations cancellations;
    @Inject
    SoftwareRevocations revocations;
    @Inject
    Orders orders;
    @Inject
    Entitlements entitlements;
    @Inject
    DownloadLinks links;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void locksAndReadsTheOrderWithItsLinesAsTheOrdersPortDoesOnlyUnderItsTenant() {
        StoredOrder order = order(UUID.randomUUID().toString(), 3, ProductKind.PERPETUAL_SOFTWARE);
        orders.add(order);

        Optional<StoredOrder> locked = transactions.inTransaction(() ->
                cancellations.lockForCancellation(order.customerTenantId(), order.id()));

        assertThat(locked).contains(orders.find(order.customerTenantId(), order.id()).orElseThrow());
        assertThat(locked.orElseThrow().lines()).extracting(StoredLine::lineItemNumber).containsExactly(1, 2, 3);
        assertThat(transactions.inTransaction(() -> cancellations.lockForCancellation(UUID.randomUUID().toString(),
                order.id()))).isEmpty();
        assertThat(transactions.inTransaction(() -> cancellations.lockForCancellation(order.customerTenantId(),
                "no-such-order"))).isEmpty();
    }

    @Test
    void marksTheLinesCancelledWithTheirCreditAndSetsTheOrdersStatus() {
        StoredOrder order = order(UUID.randomUUID().toString(), 3, ProductKind.PERPETUAL_SOFTWARE);
        orders.add(order);

        transactions.inTransaction(() -> {
            cancellations.markCancelled(order.id(), List.of(
                    new CancelledLine(1, credit("3629.40", "689.59"), CANCELLED_AT),
                    new CancelledLine(3, credit("1814.70", "344.79"), CANCELLED_AT)), OrderStatus.COMPLETED);
            return null;
        });

        StoredOrder read = orders.find(order.customerTenantId(), order.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(read.lines()).extracting(StoredLine::status)
                .containsExactly(LineStatus.CANCELLED, LineStatus.ACTIVE, LineStatus.CANCELLED);
        assertThat(read.lines().get(0).credited()).isEqualTo(credit("3629.40", "689.59"));
        assertThat(read.lines().get(2).credited()).isEqualTo(credit("1814.70", "344.79"));
        assertThat(read.lines().get(1).credited()).isEqualTo(PriceQuote.zero(order.currency()));
        assertThat(read.lines().get(0).cancelledAt()).contains(CANCELLED_AT);
        assertThat(read.lines().get(1).cancelledAt()).isEmpty();
        assertThat(read.lines().get(0).charged()).isEqualTo(order.lines().get(0).charged());

        transactions.inTransaction(() -> {
            cancellations.markCancelled(order.id(), List.of(new CancelledLine(2, credit("0.01", "0.00"), CANCELLED_AT)),
                    OrderStatus.CANCELLED);
            return null;
        });
        assertThat(orders.find(order.customerTenantId(), order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void revokesTheCancelledLinesEntitlementsAndEveryLinkOfThemAndNothingElse() {
        StoredOrder order = order(UUID.randomUUID().toString(), 3, ProductKind.PERPETUAL_SOFTWARE);
        StoredOrder other = order(order.customerTenantId(), 1, ProductKind.PERPETUAL_SOFTWARE);
        orders.add(order);
        orders.add(other);
        Entitlements.Entitlement first = entitlement(order, 1);
        Entitlements.Entitlement second = entitlement(order, 2);
        Entitlements.Entitlement third = entitlement(order, 3);
        Entitlements.Entitlement elsewhere = entitlement(other, 1);
        entitlements.grant(List.of(first, second, third, elsewhere));
        String link1 = link(first);
        String link2 = link(first);
        String link3 = link(second);
        String kept = link(third);
        String keptElsewhere = link(elsewhere);

        int revoked = transactions.inTransaction(() -> revocations.revoke(order.id(), List.of(1, 2)));

        assertThat(revoked).isEqualTo(2);
        assertThat(status(first.id())).isEqualTo("cancelled");
        assertThat(status(second.id())).isEqualTo("cancelled");
        assertThat(status(third.id())).isEqualTo("active");
        assertThat(status(elsewhere.id())).isEqualTo("active");
        assertThat(revoked(link1)).isTrue();
        assertThat(revoked(link2)).isTrue();
        assertThat(revoked(link3)).isTrue();
        assertThat(revoked(kept)).isFalse();
        assertThat(revoked(keptElsewhere)).isFalse();
        // Revoking again changes nothing; lines without software (or unknown lines) have nothing to revoke.
        assertThat(transactions.inTransaction(() -> revocations.revoke(order.id(), List.of(1, 2)))).isZero();
        assertThat(transactions.inTransaction(() -> revocations.revoke(order.id(), List.of(9)))).isZero();
        assertThat(transactions.inTransaction(() -> revocations.revoke(order.id(), List.of()))).isZero();
    }

    @Test
    void twoCancellationsOfOneOrderRunOneAfterTheOtherAndTheSecondSeesTheFirstsChange() throws Exception {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.PERPETUAL_SOFTWARE);
        orders.add(order);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Two threads of their own: the common pool may have a single one on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
                StoredOrder locked = cancellations.lockForCancellation(order.customerTenantId(), order.id()).orElseThrow();
                assertThat(locked.lines()).allMatch(l -> l.status() == LineStatus.ACTIVE);
                firstHoldsTheLock.countDown();
                await(release);
                cancellations.markCancelled(order.id(), List.of(new CancelledLine(1, credit("3629.40", "689.59"),
                        CANCELLED_AT)), OrderStatus.COMPLETED);
                return null;
            }), threads);
            assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<StoredOrder> second = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() ->
                    cancellations.lockForCancellation(order.customerTenantId(), order.id()).orElseThrow()), threads);

            // The second waits for the first's row lock (the server says so) until the first commits ...
            LockWaits.awaitWaiting(transactions, jdbc, 1);
            assertThat(second).as("the second cancellation waits for the first").isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);

            // ... then reads the line the first cancelled.
            StoredOrder seenBySecond = second.get(30, TimeUnit.SECONDS);
            assertThat(seenBySecond.lines()).extracting(StoredLine::status)
                    .containsExactly(LineStatus.CANCELLED, LineStatus.ACTIVE);
            assertThat(seenBySecond.lines().get(0).credited()).isEqualTo(credit("3629.40", "689.59"));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /** A customer's reservation refund allowance is shared by its orders: their cancellations queue on the customer. */
    @Test
    void cancellationsOfTwoOrdersOfOneCustomerRunOneAfterTheOther() throws Exception {
        String tenant = UUID.randomUUID().toString();
        transactions.inTransaction(() -> JdbcRows.update(jdbc, "INSERT INTO customer (tenant_id, company_name, name_key,"
                + " domain, domain_key, country, created_at) VALUES (?, 'Allowance GmbH', 'allowance gmbh', ?, ?, 'DE', ?)",
                tenant, tenant + ".example", tenant + ".example", BOUGHT));
        StoredOrder one = order(tenant, 1, ProductKind.AZURE_RESERVATION_VM);
        StoredOrder other = order(tenant, 1, ProductKind.AZURE_RESERVATION_VM);
        StoredOrder elsewhere = order(UUID.randomUUID().toString(), 1, ProductKind.AZURE_RESERVATION_VM);
        orders.add(one);
        orders.add(other);
        orders.add(elsewhere);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
                cancellations.lockForCancellation(tenant, one.id()).orElseThrow();
                firstHoldsTheLock.countDown();
                await(release);
                return null;
            }), threads);
            assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
            // Another customer's cancellation does not wait.
            assertThat(CompletableFuture.supplyAsync(() -> transactions.inTransaction(() ->
                    cancellations.lockForCancellation(elsewhere.customerTenantId(), elsewhere.id())), threads)
                    .get(10, TimeUnit.SECONDS)).isPresent();
            CompletableFuture<Optional<StoredOrder>> second = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() ->
                    cancellations.lockForCancellation(tenant, other.id())), threads);
            LockWaits.awaitWaiting(transactions, jdbc, 1);
            assertThat(second).as("the same customer's other order waits for the first cancellation").isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            assertThat(second.get(30, TimeUnit.SECONDS)).isPresent();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String link(Entitlements.Entitlement entitlement) {
        String id = UUID.randomUUID().toString().replace("-", "");
        links.add(new DownloadLinks.StoredLink(id, entitlement.id(), entitlement.customerTenantId(),
                SoftwareVersion.of("2022"), SoftwareLanguage.of("de-DE"), Bitness.X64, DownloadLink.issuedAt(BOUGHT),
                "admin.agent@partner.demo"));
        return id;
    }

    private String status(String entitlementId) {
        return transactions.inTransaction(() -> JdbcRows.one(jdbc, "SELECT status FROM software_entitlement WHERE id = ?",
                row -> row.getString(1), entitlementId)).orElseThrow();
    }

    private boolean revoked(String linkId) {
        return transactions.inTransaction(() -> JdbcRows.one(jdbc, "SELECT revoked FROM download_link WHERE id = ?",
                row -> row.getBoolean(1), linkId)).orElseThrow();
    }
}
