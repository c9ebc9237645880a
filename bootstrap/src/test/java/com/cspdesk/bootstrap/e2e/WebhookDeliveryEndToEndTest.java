package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.WebhookSigning;
import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.WebhookReceiver.Received;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.webhooks.WebhookEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15's "done when", one instance on MariaDB with a real receiver on 127.0.0.1 that verifies with
 * the Standard Webhooks library: an order placed reaches it signed within seconds; a cancellation that
 * rolls back sends nothing; a receiver down for an hour of sandbox time gets the resource's events in
 * their order once it is back, each under the webhook-id of its first attempt.
 */
@MicronautTest(transactional = false)
class WebhookDeliveryEndToEndTest extends EndToEnd {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);
    /** While set, recording a credit fails: the cancellation around it rolls back after its own record and event. */
    static final AtomicBoolean CREDIT_RECORD_FAILS = new AtomicBoolean();

    private final Shop shop = new Shop(this);
    private WebhookReceiver receiver;
    private String agent;

    @Inject
    EventOutbox outbox;
    @Inject
    WebhookSigning signing;

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        settings.put("cspdesk.webhooks.delivery.poll-interval", "100ms");
        return settings;
    }

    @BeforeAll
    void registerAReceiver() throws IOException {
        receiver = new WebhookReceiver();
        agent = loginDemo("admin.agent@partner.demo");
        Answer registered = send("POST", "/webhooks/v1/registration", agent, Map.of("WebhookUrl", receiver.url(),
                "WebhookEvents", List.of("customer-created", "order-created", "order-updated", "credit-issued")));
        assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
        receiver.trust((String) registered.json().get("SigningSecret"));
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void anOrderPlacedReachesTheReceiverSignedWithinSecondsAndAReplayOrAlterationIsRejected() {
        String tenant = shop.createCustomer(agent, "Webhook Kft.", "HU");
        String orderId = order(tenant);
        String orderUri = "/v1/customers/" + tenant + "/orders/" + orderId;

        Received created = receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, orderUri))).stream()
                .filter(r -> about(r, orderUri)).findFirst().orElseThrow();

        assertThat(created.verified()).as("verified by the Standard Webhooks library").isTrue();
        assertThat(created.eventName()).isEqualTo("order-created");
        assertThat(created.id()).isEqualTo(outbox.ofOrderingKey(orderUri).get(0).id());
        assertThat(created.body()).contains("\"ResourceName\":\"Order\"", "\"AuditUri\":\"http://localhost:",
                "\"ResourceChangeUtcDate\":\"").doesNotContain("Webhook Kft.", "Windows");
        assertThat(created.signature()).startsWith("v1,");

        // Altered on the way, or its timestamp moved to pass the tolerance: the signature no longer fits.
        assertThat(receiver.verifies(created.id(), created.timestamp(), created.signature(),
                created.body().replace("order-created", "order-updated"))).isFalse();
        long later = Long.parseLong(created.timestamp()) + 1;
        assertThat(receiver.verifies(created.id(), Long.toString(later), created.signature(), created.body())).isFalse();
        // Replayed as sent, once the five minutes' tolerance has passed: refused for its age.
        String secret = receiver.secret();
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        String oldSignature = signing.signature(secret, created.id(), sixMinutesAgo, created.body());
        assertThat(receiver.verifies(created.id(), Long.toString(sixMinutesAgo), oldSignature, created.body())).isFalse();
        assertThat(receiver.verifies(created.id(), Long.toString(Instant.now().getEpochSecond()),
                signing.signature(secret, created.id(), Instant.now().getEpochSecond(), created.body()), created.body())).isTrue();
    }

    @Test
    void aCancellationThatRollsBackSendsNothing() {
        String tenant = shop.createCustomer(agent, "Visszavont Kft.", "HU");
        String orderId = order(tenant);
        String orderUri = "/v1/customers/" + tenant + "/orders/" + orderId;
        receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, orderUri)));

        CREDIT_RECORD_FAILS.set(true);
        Answer failed;
        try {
            failed = shop.cancel(agent, tenant, orderId);
        } finally {
            CREDIT_RECORD_FAILS.set(false);
        }
        assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);

        // What committed after it is delivered; the rolled-back update never was, nor stored to be.
        String afterTenant = shop.createCustomer(agent, "Utána Kft.", "HU");
        String afterUri = "/v1/customers/" + afterTenant + "/orders/" + order(afterTenant);
        receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, afterUri)));
        assertThat(receiver.received()).filteredOn(r -> about(r, orderUri)).extracting(Received::eventName)
                .containsExactly("order-created");
        assertThat(outbox.ofOrderingKey(orderUri)).extracting(e -> e.change().event()).containsExactly(WebhookEvent.ORDER_CREATED);
    }

    @Test
    void aReceiverDownForAnHourOfSandboxTimeGetsTheResourcesEventsInOrderOnceItIsBack() {
        String tenant = shop.createCustomer(agent, "Leállás Kft.", "HU");
        receiver.answer(503);
        String orderUri;
        try {
            String orderId = order(tenant);
            orderUri = "/v1/customers/" + tenant + "/orders/" + orderId;
            Answer cancelled = shop.cancel(agent, tenant, orderId);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            String uri = orderUri;
            receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, uri)));
            // An hour of the sandbox's time in ten-minute steps: each step makes the retry due, and it fails.
            for (int step = 1; step <= 6; step++) {
                int before = attemptsAbout(orderUri);
                advanceSandboxClock("PT10M");
                receiver.await(WITHIN_SECONDS, got -> got.stream().filter(r -> about(r, uri)).count() > before);
            }
        } finally {
            receiver.answer(204);
        }
        assertThat(receiver.received()).filteredOn(r -> about(r, orderUri)).extracting(Received::eventName)
                .as("while the first is not delivered, the ones behind it are not tried").containsOnly("order-created")
                .hasSizeGreaterThanOrEqualTo(7);

        advanceSandboxClock("PT1H");
        String uri = orderUri;
        receiver.await(WITHIN_SECONDS, got -> got.stream().filter(r -> about(r, uri) && r.answered() == 204).count() == 3);

        List<Received> delivered = receiver.delivered().stream().filter(r -> about(r, uri)).toList();
        assertThat(delivered).extracting(Received::eventName).containsExactly("order-created", "order-updated", "credit-issued");
        List<EventOutbox.StoredEvent> events = outbox.ofOrderingKey(orderUri);
        assertThat(delivered).extracting(Received::id).containsExactlyElementsOf(events.stream().map(EventOutbox.StoredEvent::id).toList());
        assertThat(receiver.received()).filteredOn(r -> about(r, uri) && r.eventName().equals("order-created"))
                .extracting(Received::id).as("every attempt under the event's one webhook-id").containsOnly(events.get(0).id());
    }

    private int attemptsAbout(String resourceUri) {
        return (int) receiver.received().stream().filter(r -> about(r, resourceUri)).count();
    }

    private void advanceSandboxClock(String by) {
        Answer moved = send("PUT", "/v1/test/clock", agent, Map.of("advanceBy", by));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static boolean about(Received received, String resourceUri) {
        return received.resourceUri() != null && received.resourceUri().endsWith(resourceUri);
    }

    private String order(String tenant) {
        return (String) shop.order(agent, tenant, Shop.line(0, shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD,
                "0001", "HU"), 1)).get("id");
    }

    /** The activity log, failing to record a credit while the test says so: after the cancellation's own record. */
    @Singleton
    @Requires(property = "spec.name", value = "WebhookDeliveryEndToEndTest")
    static class CreditRecordFailure implements BeanCreatedEventListener<ActivityLog> {
        @Override
        public ActivityLog onCreated(BeanCreatedEvent<ActivityLog> event) {
            ActivityLog log = event.getBean();
            return (ActivityEntry entry) -> {
                if (CREDIT_RECORD_FAILS.get() && entry.operationType().equals("issue_credit")) {
                    throw new IllegalStateException("the credit's record could not be written");
                }
                log.append(entry);
            };
        }
    }
}
