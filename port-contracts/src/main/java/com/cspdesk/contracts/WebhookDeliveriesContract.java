package com.cspdesk.contracts;

import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.AttemptMade;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.DueDelivery;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.NewDelivery;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.RegistrationHealth;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.cspdesk.domain.webhooks.ResourceChange;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link WebhookDeliveries} must do: hand out only what is due, oldest first, a resource's
 * deliveries one after the other in their order, each to one claimant at a time; keep what an attempt
 * came to (the delivery's state, the attempt's log, the registration's health); stop for a registration
 * switched off; and schedule nothing for a unit of work that rolls back.
 */
public abstract class WebhookDeliveriesContract extends PortContract {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00.123456Z");

    private String registrationId;

    private WebhookDeliveries deliveries() {
        return port(WebhookDeliveries.class);
    }

    /** A fresh registration each test: the one before is removed, and its deliveries with it. */
    @BeforeEach
    void aFreshRegistration() {
        WebhookRegistrations registrations = port(WebhookRegistrations.class);
        registrations.find().ifPresent(existing -> registrations.remove(existing.id()));
        // Anything still due from earlier tests' registrations is drained first (memory keeps it unseen).
        while (deliveries().attemptNextDue(T.plus(Duration.ofDays(400)), due -> delivered(due, T))) {
            // drained
        }
        registrationId = UUID.randomUUID().toString();
        registrations.add(new WebhookRegistration(registrationId, "https://hooks.example.com/in", Set.of(WebhookEvent.ORDER_CREATED),
                "sealed-secret", T, "agent@partner.test", T));
    }

    @Test
    void aScheduledDeliveryIsHandedOutOnceDueWithItsEventAndDestinationAndThenIsDelivered() {
        String key = newKey();
        String id = schedule(key, T);
        List<DueDelivery> handed = new ArrayList<>();

        assertThat(deliveries().attemptNextDue(T.minusNanos(1000), due -> fail("not due yet"))).isFalse();
        assertThat(deliveries().attemptNextDue(T, due -> {
            handed.add(due);
            return delivered(due, T.plusSeconds(1));
        })).isTrue();
        assertThat(deliveries().attemptNextDue(T.plusSeconds(5), due -> fail("delivered already"))).isFalse();

        assertThat(handed).singleElement().satisfies(due -> {
            assertThat(due.eventId()).isEqualTo(id);
            assertThat(due.registrationId()).isEqualTo(registrationId);
            assertThat(due.url()).isEqualTo("https://hooks.example.com/in");
            assertThat(due.sealedSecret()).isEqualTo("sealed-secret");
            assertThat(due.change().resourceUri()).isEqualTo(key);
            assertThat(due.attempts()).isZero();
            assertThat(due.firstAttemptAt()).isEmpty();
            assertThat(due.registrationFailingSince()).isEmpty();
        });
        WebhookDeliveryView view = deliveries().find(registrationId, id).orElseThrow();
        assertThat(view.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(view.deliveredAt()).contains(T.plusSeconds(1));
        assertThat(view.nextAttemptAt()).isEmpty();
        assertThat(view.lastResponseCode()).contains(204);
        assertThat(view.attempts()).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo(1);
            assertThat(a.responseCode()).contains(204);
            assertThat(a.latencyMillis()).isEqualTo(12);
        });
    }

    @Test
    void aResourcesDeliveriesGoOneAfterTheOtherInTheirOrderWhileOtherResourcesGoOn() {
        String order = newKey();
        String other = newKey();
        String first = schedule(order, T.plusSeconds(10)); // not due until later
        String second = schedule(order, T);
        String elsewhere = schedule(other, T);

        List<String> handed = new ArrayList<>();
        while (deliveries().attemptNextDue(T.plusSeconds(1), due -> {
            handed.add(due.eventId());
            return delivered(due, T.plusSeconds(1));
        })) {
            // until nothing is due
        }
        assertThat(handed).containsExactly(elsewhere);

        while (deliveries().attemptNextDue(T.plusSeconds(10), due -> {
            handed.add(due.eventId());
            return delivered(due, T.plusSeconds(10));
        })) {
            // the first, and then the second behind it
        }
        assertThat(handed).containsExactly(elsewhere, first, second);
    }

    @Test
    void aFailedAttemptKeepsTheDeliveryPendingUntilItsRetryAndTheRegistrationFailingUntilASuccess() {
        String key = newKey();
        String id = schedule(key, T);

        assertThat(deliveries().attemptNextDue(T, due -> failed(due, T, T.plusSeconds(5)))).isTrue();
        WebhookDeliveryView afterFailure = deliveries().find(registrationId, id).orElseThrow();
        assertThat(afterFailure.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(afterFailure.nextAttemptAt()).contains(T.plusSeconds(5));
        assertThat(afterFailure.attempts()).singleElement().satisfies(a -> {
            assertThat(a.responseCode()).isEmpty();
            assertThat(a.failure()).contains("CONNECTION_FAILED");
            assertThat(a.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("Connection refused"));
        });
        assertThat(health().failingSince()).contains(T);
        assertThat(deliveries().attemptNextDue(T.plusSeconds(4), due -> fail("not due before its retry"))).isFalse();

        List<DueDelivery> retried = new ArrayList<>();
        assertThat(deliveries().attemptNextDue(T.plusSeconds(5), due -> {
            retried.add(due);
            return failed(due, T.plusSeconds(5), T.plusSeconds(20));
        })).isTrue();
        assertThat(retried).singleElement().satisfies(due -> {
            assertThat(due.attempts()).isEqualTo(1);
            assertThat(due.firstAttemptAt()).contains(T);
            assertThat(due.registrationFailingSince()).contains(T);
        });
        assertThat(health().failingSince()).as("failing since the first failure").contains(T);

        assertThat(deliveries().attemptNextDue(T.plusSeconds(20), due -> delivered(due, T.plusSeconds(20)))).isTrue();
        assertThat(health().failingSince()).isEmpty();
        assertThat(deliveries().find(registrationId, id).orElseThrow().attempts()).extracting(WebhookDeliveryView.Attempt::number)
                .containsExactly(1, 2, 3);
    }

    @Test
    void aGivenUpDeliveryNoLongerHoldsBackItsResourcesNextOne() {
        String key = newKey();
        String first = schedule(key, T);
        String second = schedule(key, T);

        assertThat(deliveries().attemptNextDue(T, due -> new AttemptMade(attempt(due, T, Optional.of(500)),
                DeliveryStatus.FAILED, Optional.empty(), RegistrationHealth.FAILING))).isTrue();

        List<String> handed = new ArrayList<>();
        assertThat(deliveries().attemptNextDue(T, due -> {
            handed.add(due.eventId());
            return delivered(due, T);
        })).isTrue();
        assertThat(handed).containsExactly(second);
        assertThat(deliveries().find(registrationId, first).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aSwitchedOffRegistrationIsSentNothingUntilItsOwnerChangesIt() {
        schedule(newKey(), T);
        String waiting = schedule(newKey(), T);

        assertThat(deliveries().attemptNextDue(T, due -> new AttemptMade(attempt(due, T, Optional.of(503)),
                DeliveryStatus.PENDING, Optional.of(T), RegistrationHealth.DISABLED))).isTrue();
        assertThat(health().disabledAt()).contains(T);
        assertThat(deliveries().attemptNextDue(T.plusSeconds(60), due -> fail("switched off"))).isFalse();

        port(WebhookRegistrations.class).update(registrationId, "https://hooks.example.com/again", Set.of(WebhookEvent.ORDER_CREATED),
                T.plusSeconds(61));
        assertThat(health()).isEqualTo(WebhookRegistration.Health.HEALTHY);
        List<String> handed = new ArrayList<>();
        while (deliveries().attemptNextDue(T.plusSeconds(62), due -> {
            handed.add(due.eventId());
            assertThat(due.url()).isEqualTo("https://hooks.example.com/again");
            return delivered(due, T.plusSeconds(62));
        })) {
            // both
        }
        assertThat(handed).hasSize(2).contains(waiting);
    }

    @Test
    void aDeliveryScheduledInAUnitOfWorkThatRollsBackIsNotThere() {
        String key = newKey();
        assertThatThrownBy(() -> inTransaction(() -> {
            schedule(key, T);
            throw new IllegalStateException("the order failed");
        })).hasMessage("the order failed");

        assertThat(deliveries().attemptNextDue(T.plusSeconds(1), due -> fail("rolled back"))).isFalse();
        assertThat(deliveries().count(registrationId, Optional.empty())).isZero();
    }

    @Test
    void anAttemptThatThrowsLeavesTheDeliveryAsItWasForTheNextClaim() {
        String id = schedule(newKey(), T);

        assertThatThrownBy(() -> deliveries().attemptNextDue(T, due -> {
            throw new IllegalStateException("the process died mid-attempt");
        })).hasMessage("the process died mid-attempt");

        List<String> handed = new ArrayList<>();
        assertThat(deliveries().attemptNextDue(T, due -> {
            handed.add(due.eventId());
            assertThat(due.attempts()).isZero();
            return delivered(due, T);
        })).isTrue();
        assertThat(handed).containsExactly(id);
    }

    @Test
    void aClaimedDeliveryIsSkippedByAnotherClaimantWhoTakesTheNextOne() throws Exception {
        String held = schedule(newKey(), T);
        String other = schedule(newKey(), T.plusNanos(1000));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Callable<String>> claimants = List.of(() -> {
            List<String> mine = new ArrayList<>();
            deliveries().attemptNextDue(T.plusSeconds(1), due -> {
                mine.add(due.eventId());
                claimed.countDown();
                await(release);
                return delivered(due, T.plusSeconds(1));
            });
            return String.join(",", mine);
        }, () -> {
            await(claimed);
            List<String> mine = new ArrayList<>();
            try {
                deliveries().attemptNextDue(T.plusSeconds(1), due -> {
                    mine.add(due.eventId());
                    return delivered(due, T.plusSeconds(1));
                });
                // A third claimant finds nothing: the one held is still held.
                deliveries().attemptNextDue(T.plusSeconds(1), due -> {
                    mine.add("again:" + due.eventId());
                    return delivered(due, T.plusSeconds(1));
                });
            } finally {
                release.countDown();
            }
            return String.join(",", mine);
        });

        List<String> taken = Concurrently.run(claimants);
        assertThat(taken).as("each claimant took one, not the same, and the second none more")
                .containsExactlyInAnyOrder(held, other);
        assertThat(deliveries().count(registrationId, Optional.of(DeliveryStatus.DELIVERED))).isEqualTo(2);
    }

    @Test
    void theLogPagesNewestFirstByStatusAndARedeliveryMakesADeliveryDueAgain() {
        String a = schedule(newKey(), T);
        String b = schedule(newKey(), T.plusSeconds(1));
        String c = schedule(newKey(), T.plusSeconds(1));
        deliveries().attemptNextDue(T, due -> delivered(due, T)); // a: the only one due yet

        List<WebhookDeliveries.Listed> first = deliveries().page(registrationId, Optional.empty(), Optional.empty(), 2);
        assertThat(first).extracting(l -> l.delivery().id()).containsExactly(c, b);
        assertThat(deliveries().page(registrationId, Optional.empty(), Optional.of(first.get(1).position()), 2))
                .extracting(l -> l.delivery().id()).containsExactly(a);
        assertThat(deliveries().page(registrationId, Optional.of(DeliveryStatus.DELIVERED), Optional.empty(), 10))
                .extracting(l -> l.delivery().id()).containsExactly(a);
        assertThat(deliveries().count(registrationId, Optional.of(DeliveryStatus.PENDING))).isEqualTo(2);
        assertThat(deliveries().count(registrationId, Optional.empty())).isEqualTo(3);
        assertThat(first.get(0).delivery().eventName()).isEqualTo("order-created");
        assertThat(first.get(0).delivery().attempts()).isEmpty();

        assertThat(deliveries().redeliver(registrationId, a, T.plus(Duration.ofDays(2)))).isTrue();
        assertThat(deliveries().redeliver(registrationId, "msg_none", T)).isFalse();
        assertThat(deliveries().redeliver(UUID.randomUUID().toString(), a, T)).isFalse();
        WebhookDeliveryView again = deliveries().find(registrationId, a).orElseThrow();
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.deliveredAt()).isEmpty();
        assertThat(again.nextAttemptAt()).contains(T.plus(Duration.ofDays(2)));

        while (deliveries().attemptNextDue(T.plusSeconds(1), due -> delivered(due, T.plusSeconds(1)))) {
            // b and c
        }
        List<DueDelivery> redelivered = new ArrayList<>();
        assertThat(deliveries().attemptNextDue(T.plus(Duration.ofDays(2)), due -> {
            redelivered.add(due);
            return delivered(due, T.plus(Duration.ofDays(2)));
        })).isTrue();
        assertThat(redelivered).singleElement().satisfies(due -> {
            assertThat(due.eventId()).isEqualTo(a);
            assertThat(due.attempts()).isEqualTo(1);
            assertThat(due.firstAttemptAt()).as("a fresh retry window").isEmpty();
        });
    }

    @Test
    void aBatchTakesDueDeliveriesInTheirResourcesOrderAndEndsAtTheFirstThatIsNotDelivered() {
        String key = newKey();
        String a = schedule(key, T);
        String behindA = schedule(key, T);
        String b = schedule(newKey(), T.plusNanos(1000));
        String c = schedule(newKey(), T.plusNanos(2000));
        String d = schedule(newKey(), T.plusNanos(3000));

        List<String> handed = new ArrayList<>();
        assertThat(deliveries().attemptDue(T.plusSeconds(1), 3, due -> {
            handed.add(due.eventId());
            return delivered(due, T.plusSeconds(1));
        })).isEqualTo(3);
        assertThat(handed).as("three due, distinct").hasSize(3).doesNotHaveDuplicates().isSubsetOf(a, behindA, b, c, d);
        if (handed.contains(behindA)) {
            assertThat(handed.indexOf(a)).as("a resource's second only after its first").isBetween(0, handed.indexOf(behindA));
        }

        List<String> failing = new ArrayList<>();
        assertThat(deliveries().attemptDue(T.plusSeconds(2), 10, due -> {
            failing.add(due.eventId());
            return failed(due, T.plusSeconds(2), T.plusSeconds(60));
        })).as("ends at the first attempt that does not deliver").isEqualTo(1);
        assertThat(failing).hasSize(1);
        assertThat(deliveries().attemptDue(T.plusSeconds(2), 0, due -> fail("none asked for"))).isZero();
    }

    @Test
    void settledDeliveriesAndEventsNothingNeedsArePastRetentionForgottenInStepsAndPendingOnesKept() {
        Instant cutoff = T.plus(Duration.ofDays(30));
        forgetEverythingBefore(cutoff); // earlier tests' settled deliveries: out of this test's count
        String deliveredKey = newKey();
        String delivered = schedule(deliveredKey, T);
        String failed = schedule(newKey(), T.plusSeconds(1));
        String pendingKey = newKey();
        String pending = schedule(pendingKey, T.plusSeconds(2));
        String orphanKey = newKey();
        port(EventOutbox.class).append(new EventOutbox.NewEvent("msg_" + UUID.randomUUID().toString().replace("-", ""),
                new ResourceChange(WebhookEvent.ORDER_CREATED, orphanKey, "Order", null, T, orphanKey)));
        String recent = schedule(newKey(), T.plus(Duration.ofDays(40)));
        deliveries().attemptNextDue(T, due -> delivered(due, T));
        deliveries().attemptNextDue(T.plusSeconds(1), due -> new AttemptMade(attempt(due, T.plusSeconds(1), Optional.of(500)),
                DeliveryStatus.FAILED, Optional.empty(), RegistrationHealth.FAILING));
        deliveries().attemptNextDue(T.plusSeconds(2), due -> failed(due, T.plusSeconds(2), T.plus(Duration.ofDays(60))));
        deliveries().attemptNextDue(T.plus(Duration.ofDays(40)), due -> delivered(due, T.plus(Duration.ofDays(40))));

        assertThat(deliveries().forgetSettledBefore(cutoff, 1)).as("one delivery and one event a step").isEqualTo(2);
        assertThat(forgetEverythingBefore(cutoff)).as("the rest: a delivery and two events").isEqualTo(3);
        assertThat(deliveries().forgetSettledBefore(cutoff, 100)).isZero();

        assertThat(deliveries().find(registrationId, delivered)).isEmpty();
        assertThat(deliveries().find(registrationId, failed)).isEmpty();
        assertThat(deliveries().find(registrationId, pending)).isPresent();
        assertThat(deliveries().find(registrationId, recent)).isPresent();
        assertThat(port(EventOutbox.class).ofOrderingKey(deliveredKey)).isEmpty();
        assertThat(port(EventOutbox.class).ofOrderingKey(orphanKey)).isEmpty();
        assertThat(port(EventOutbox.class).ofOrderingKey(pendingKey)).extracting(EventOutbox.StoredEvent::id).containsExactly(pending);
    }

    private int forgetEverythingBefore(Instant cutoff) {
        int total = 0;
        int step;
        do {
            step = deliveries().forgetSettledBefore(cutoff, 1000);
            total += step;
        } while (step > 0);
        return total;
    }

    @Test
    void theNewestDeliveryOfAKeyIsFoundByIt() {
        String key = newKey();
        schedule(key, T);
        String newest = schedule(key, T);

        assertThat(deliveries().findByOrderingKey(registrationId, key)).map(WebhookDeliveryView::id).contains(newest);
        assertThat(deliveries().findByOrderingKey(registrationId, newKey())).isEmpty();
        assertThat(deliveries().findByOrderingKey(UUID.randomUUID().toString(), key)).isEmpty();
    }

    private WebhookRegistration.Health health() {
        return port(WebhookRegistrations.class).find().orElseThrow().health();
    }

    /** An event appended and its delivery scheduled, in one unit of work as the product does: the event's id. */
    private String schedule(String key, Instant dueAt) {
        return inTransaction(() -> {
            String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
            long sequence = port(EventOutbox.class).append(new EventOutbox.NewEvent(id,
                    new ResourceChange(WebhookEvent.ORDER_CREATED, key, "Order", null, T, key)));
            deliveries().schedule(new NewDelivery(registrationId, id, key, sequence, dueAt));
            return id;
        });
    }

    private static AttemptMade delivered(DueDelivery due, Instant at) {
        return new AttemptMade(attempt(due, at, Optional.of(204)), DeliveryStatus.DELIVERED, Optional.empty(),
                RegistrationHealth.SUCCEEDING);
    }

    private static AttemptMade failed(DueDelivery due, Instant at, Instant retryAt) {
        return new AttemptMade(new WebhookDeliveryView.Attempt(due.attempts() + 1, at, Optional.empty(), 5001,
                Optional.of("CONNECTION_FAILED"), Optional.of("ConnectException: Connection refused")),
                DeliveryStatus.PENDING, Optional.of(retryAt), RegistrationHealth.FAILING);
    }

    private static WebhookDeliveryView.Attempt attempt(DueDelivery due, Instant at, Optional<Integer> status) {
        return new WebhookDeliveryView.Attempt(due.attempts() + 1, at, status, 12, Optional.empty(), Optional.empty());
    }

    private static AttemptMade fail(String why) {
        throw new AssertionError("handed out a delivery that is " + why);
    }

    private static String newKey() {
        return "/v1/customers/" + UUID.randomUUID() + "/orders/" + UUID.randomUUID();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other claimant never came");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
