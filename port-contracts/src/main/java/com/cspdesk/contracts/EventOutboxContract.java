package com.cspdesk.contracts;

import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.EventOutbox.NewEvent;
import com.cspdesk.application.webhooks.port.out.EventOutbox.StoredEvent;
import com.cspdesk.domain.webhooks.ResourceChange;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What every {@link EventOutbox} must do: keep an event only if the transaction that appended it
 * commits, and hand a resource's events back in the order they were committed, numbered from 1
 * without gaps. Each test uses resources of its own.
 */
public abstract class EventOutboxContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-12-03T09:14:15.123456Z");

    @Test
    void anAppendedEventComesBackAsItWasAppended() {
        String key = newKey();
        String oneId = newId();
        String twoId = newId();
        ResourceChange change = new ResourceChange(WebhookEvent.ORDER_CREATED, key, "Order",
                "/v1/auditrecords?startDate=2026-12-03T09:14:15.123456Z&filter=%7B%22field%22%7D", AT, key);
        ResourceChange noAudit = new ResourceChange(WebhookEvent.ORDER_UPDATED, key, "Order", null, AT.plusSeconds(1), key);

        port(EventOutbox.class).append(new NewEvent(oneId, change));
        port(EventOutbox.class).append(new NewEvent(twoId, noAudit));

        assertThat(pendingOf(key)).containsExactly(new StoredEvent(oneId, change, 1),
                new StoredEvent(twoId, noAudit, 2));
    }

    @Test
    void anEventAppendedInATransactionThatRollsBackIsGoneAndLeavesNoGap() {
        String key = newKey();
        port(EventOutbox.class).append(event(key, WebhookEvent.ORDER_CREATED));
        assertThatThrownBy(() -> inTransaction(() -> {
            port(EventOutbox.class).append(event(key, WebhookEvent.ORDER_UPDATED));
            throw new IllegalStateException("the cancellation failed");
        })).hasMessage("the cancellation failed");
        port(EventOutbox.class).append(event(key, WebhookEvent.CREDIT_ISSUED));

        assertThat(pendingOf(key)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.ORDER_CREATED, WebhookEvent.CREDIT_ISSUED);
        assertThat(pendingOf(key)).extracting(StoredEvent::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aSecondAppendOfAResourceWaitsForTheFirstToCommit() throws Exception {
        String key = newKey();
        String firstId = newId();
        String secondId = newId();

        assertThat(appendWhileAnotherIsOpen(key, firstId, secondId, true)).containsExactly("committed", "second");

        assertThat(pendingOf(key)).extracting(StoredEvent::id, StoredEvent::sequence)
                .containsExactly(tuple(firstId, 1L), tuple(secondId, 2L));
    }

    @Test
    void aSecondAppendAfterAFirstThatRollsBackTakesItsPlace() throws Exception {
        String key = newKey();
        String firstId = newId();
        String secondId = newId();

        assertThat(appendWhileAnotherIsOpen(key, firstId, secondId, false)).containsExactly("rolled back", "second");

        assertThat(pendingOf(key)).extracting(StoredEvent::id, StoredEvent::sequence)
                .containsExactly(tuple(secondId, 1L));
    }

    /**
     * One unit appends {@code firstId}, holds its transaction open a while, then commits or rolls back;
     * meanwhile another appends {@code secondId} to the same key, and must not overtake the first.
     */
    private List<String> appendWhileAnotherIsOpen(String key, String firstId, String secondId, boolean commit)
            throws Exception {
        CountDownLatch firstAppended = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(() -> {
            try {
                return inTransaction(() -> {
                    port(EventOutbox.class).append(new NewEvent(firstId, change(key, WebhookEvent.ORDER_CREATED)));
                    firstAppended.countDown();
                    pause(); // still uncommitted
                    if (!commit) {
                        throw new IllegalStateException("rolled back");
                    }
                    return "committed";
                });
            } catch (IllegalStateException rolledBack) {
                return "rolled back";
            }
        }, () -> {
            Latches.await(firstAppended);
            port(EventOutbox.class).append(new NewEvent(secondId, change(key, WebhookEvent.ORDER_UPDATED)));
            return "second";
        });
        return Concurrently.run(tasks);
    }

    @Test
    void concurrentAppendsComeBackInCommitOrderPerResource() throws Exception {
        String order = newKey();
        String customer = newKey();
        int threads = 6;
        int perThread = 5;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    inTransaction(() -> {
                        port(EventOutbox.class).append(event(order, WebhookEvent.ORDER_UPDATED));
                        port(EventOutbox.class).append(event(customer, WebhookEvent.CUSTOMER_CREATED));
                        return null;
                    });
                }
                return null;
            });
        }

        Concurrently.run(tasks);

        List<Long> expected = LongStream.rangeClosed(1, threads * perThread).boxed().toList();
        assertThat(pendingOf(order)).extracting(StoredEvent::sequence).containsExactlyElementsOf(expected);
        assertThat(pendingOf(customer)).extracting(StoredEvent::sequence).containsExactlyElementsOf(expected);
    }

    @Test
    void eachKeyHasItsOwnEventsAndAnUnknownKeyNone() {
        String a = newKey();
        String b = newKey();
        NewEvent first = event(a, WebhookEvent.ORDER_CREATED);
        NewEvent second = event(b, WebhookEvent.CUSTOMER_CREATED);
        NewEvent third = event(a, WebhookEvent.ORDER_UPDATED);
        port(EventOutbox.class).append(first);
        port(EventOutbox.class).append(second);
        port(EventOutbox.class).append(third);

        assertThat(pendingOf(a)).extracting(StoredEvent::id).containsExactly(first.id(), third.id());
        assertThat(pendingOf(b)).extracting(StoredEvent::id).containsExactly(second.id());
        assertThat(pendingOf(newKey())).isEmpty();
    }

    @Test
    void appendTellsTheEventsSequence() {
        String key = newKey();
        assertThat(port(EventOutbox.class).append(event(key, WebhookEvent.ORDER_CREATED))).isEqualTo(1L);
        assertThat(port(EventOutbox.class).append(event(key, WebhookEvent.ORDER_UPDATED))).isEqualTo(2L);
        assertThat(port(EventOutbox.class).append(event(newKey(), WebhookEvent.ORDER_UPDATED))).isEqualTo(1L);
    }

    private List<StoredEvent> pendingOf(String key) {
        return port(EventOutbox.class).ofOrderingKey(key);
    }

    private static String newKey() {
        return "/v1/customers/" + UUID.randomUUID() + "/orders/" + UUID.randomUUID();
    }

    private static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static NewEvent event(String key, WebhookEvent event) {
        return new NewEvent(newId(), change(key, event));
    }

    private static ResourceChange change(String key, WebhookEvent event) {
        return new ResourceChange(event, key, "Order", null, AT, key);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
