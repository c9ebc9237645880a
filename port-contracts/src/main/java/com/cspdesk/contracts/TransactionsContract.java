package com.cspdesk.contracts;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.customers.port.out.Customers.Customer;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link Transactions} must do with the ports of the same adapter: a unit of work that
 * throws leaves nothing behind on any port, one that completes keeps everything, nested units join
 * the surrounding one, and no reader sees a change of a unit that is still open. The contract gets
 * each port of the adapter by its interface.
 */
public abstract class TransactionsContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void aUnitThatThrowsLeavesNothingBehindOnAnyPortAndTheFailureComesThroughAsItIs() {
        Written written = new Written();
        Optional<Duration> offsetBefore = port(SandboxClockSettings.class).offset();
        IllegalStateException failure = new IllegalStateException("the last step failed");

        Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
            written.write(this);
            // A nested unit joins this one: what it writes goes back with it too.
            transactions().inTransaction(() -> {
                port(SandboxClockSettings.class).saveOffset(Duration.ofDays(12_345));
                return null;
            });
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(written.foundIn(this)).containsOnly(false);
        assertThat(port(SandboxClockSettings.class).offset()).isEqualTo(offsetBefore);
        // The unique keys are free again: the same things can be written now.
        assertThat(transactions().inTransaction(() -> {
            written.write(this);
            return "done";
        })).isEqualTo("done");
        assertThat(written.foundIn(this)).containsOnly(true);
    }

    @Test
    void noReaderSeesWhatAnOpenUnitWroteAndThenLost() throws Exception {
        Written written = new Written();
        CountDownLatch writtenInUnit = new CountDownLatch(1);
        CountDownLatch readerStarted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Throwable> writer = CompletableFuture.supplyAsync(() -> catchThrowable(() ->
                    transactions().inTransaction(() -> {
                        written.write(this);
                        writtenInUnit.countDown();
                        Latches.await(readerStarted);
                        throw new IllegalStateException("fails after the reader came");
                    })), threads);
            Latches.await(writtenInUnit);
            // The reader runs while the unit is open (or, on an adapter that serialises units, right
            // after it): either way what the unit wrote must not be seen.
            CompletableFuture<List<Boolean>> reader = CompletableFuture.supplyAsync(() -> {
                readerStarted.countDown();
                return written.foundIn(this);
            }, threads);

            assertThat(writer.get(60, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
            assertThat(reader.get(60, TimeUnit.SECONDS)).containsOnly(false);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whatFollowsACommitRunsOnceTheOutermostUnitCommittedInTheOrderRegistered() {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        Written written = new Written();

        transactions().inTransaction(() -> {
            written.write(this);
            transactions().afterCommit(() -> ran.add("outer"));
            transactions().inTransaction(() -> {
                transactions().afterCommit(() -> ran.add("nested"));
                return null;
            });
            // The nested unit ended, the outer one has not committed: nothing ran yet.
            assertThat(ran).isEmpty();
            return null;
        });

        assertThat(ran).containsExactly("outer", "nested");
        assertThat(written.foundIn(this)).containsOnly(true);
    }

    @Test
    void whatFollowsACommitNeverRunsWhenTheUnitRollsBackEvenIfANestedUnitCompleted() {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

        catchThrowable(() -> transactions().inTransaction(() -> {
            new Written().write(this);
            transactions().inTransaction(() -> {
                transactions().afterCommit(() -> ran.add("nested"));
                return null;
            });
            transactions().afterCommit(() -> ran.add("outer"));
            throw new IllegalStateException("rolled back");
        }));
        // The next unit on the same thread commits: what the lost one registered must not ride along.
        transactions().inTransaction(() -> {
            transactions().afterCommit(() -> ran.add("next"));
            return null;
        });

        assertThat(ran).containsExactly("next");
    }

    @Test
    void outsideAUnitOfWorkWhatFollowsACommitRunsAtOnce() {
        List<String> ran = new java.util.ArrayList<>();

        transactions().afterCommit(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
    }

    private Transactions transactions() {
        return port(Transactions.class);
    }

    /** One write to each port, with ids and keys of its own, and whether each can be read back. */
    private static final class Written {

        private final String tenant = SampleOrders.tenant();
        private final Customer customer = new Customer(tenant, "Unit Of Work Ltd",
                "uow-" + tenant.substring(0, 8) + ".example", Market.of("GB"), AT);
        private final UserAccount user = new UserAccount(new Username("uow." + tenant.substring(0, 8)), "h",
                Set.of(Role.CUSTOMER_GLOBAL_ADMIN), Optional.of(tenant), AT);
        private final StoredOrder order = SampleOrders.order(tenant, 1, AT);
        private final Entitlement entitlement = SampleOrders.entitlement(order, 1, ContractType.PERPETUAL, true);
        private final IdempotentRequest claim = new IdempotentRequest("uow", UUID.randomUUID().toString(), "0".repeat(64));
        private final ActivityEntry activity = new ActivityEntry(AT, "create_order", ActivityEntry.SUCCEEDED,
                "admin.agent@partner.demo", null, tenant, "Unit Of Work Ltd", "order", order.id(), Map.of());

        void write(TransactionsContract adapter) {
            assertThat(adapter.port(Customers.class).add(customer)).isTrue();
            assertThat(adapter.port(Users.class).add(user)).isTrue();
            adapter.port(Orders.class).add(order);
            adapter.port(Entitlements.class).grant(List.of(entitlement));
            assertThat(adapter.port(IdempotencyRecords.class).claim(claim, AT)).isTrue();
            adapter.port(ActivityLog.class).append(activity);
        }

        List<Boolean> foundIn(TransactionsContract adapter) {
            List<Supplier<Boolean>> reads = List.of(
                    () -> adapter.port(Customers.class).byDomain(customer.domain()).isPresent(),
                    () -> adapter.port(Users.class).find(user.username()).isPresent(),
                    () -> adapter.port(Orders.class).find(tenant, order.id()).isPresent(),
                    () -> adapter.port(OwnedSoftware.class).find(tenant, entitlement.id()).isPresent(),
                    () -> adapter.port(IdempotencyRecords.class).find(claim.scope(), claim.key()).isPresent(),
                    () -> adapter.port(ActivityRecords.class).head(tenant).isPresent(),
                    () -> !adapter.port(ActivityRecords.class).chain(tenant, 0, 10).isEmpty());
            return reads.stream().map(Supplier::get).toList();
        }
    }
}
