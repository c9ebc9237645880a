package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
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
    @Inject
    WebhookRegistrations registrations;

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        settings.put("cspdesk.webhooks.delivery.poll-interval", "100ms");
        settings.put("spec.name", "WebhookDeliveryEndToEndTest");
        return settings;
    }

    @BeforeAll
    void registerAReceiver() throws IOException {
        agent = loginDemo("admin.agent@partner.demo");
        receiver = WebhookReceiver.registered(this, agent, "customer-created", "order-created", "order-updated", "credit-issued");
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
        assertThat(created.resourceUri()).isEqualTo("http://localhost:" + server.getPort() + orderUri);
        assertThat(created.body()).contains("\"ResourceName\":\"Order\"",
                "\"AuditUri\":\"http://localhost:" + server.getPort() + "/v1/auditrecords?",
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

    @Test
    void aRegistrationFailingForFiveDaysOfSandboxTimeIsSwitchedOffAndItsOwnersChangeSwitchesItOn() {
        receiver.answer(503);
        String firstUri;
        try {
            String tenant = shop.createCustomer(agent, "Kikapcsolt Kft.", "HU");
            firstUri = "/v1/customers/" + tenant + "/orders/" + order(tenant);
            String first = firstUri;
            receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, first)));
            // Each day a new order fails too; at five days without a 2xx the registration is off.
            for (int day = 1; day <= 4; day++) {
                advanceSandboxClock("P1D");
                String uri = "/v1/customers/" + tenant + "/orders/" + order(tenant);
                receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, uri)));
                assertThat(registrations.find().orElseThrow().health().enabled()).as("day %s", day).isTrue();
            }
            // Day five: the first attempt then (a retry or a new order's) switches it off.
            advanceSandboxClock("P1D");
            order(tenant);
            awaitSwitchedOff();
            Map<String, Object> registration = send("GET", "/webhooks/v1/registration", agent, null).json();
            assertThat(registration).as(registration.toString()).containsEntry("Status", "disabled");
            Answer records = send("GET", "/v1/auditrecords?size=50&filter=" + java.net.URLEncoder.encode(
                    "{\"field\":\"OperationKind\",\"value\":\"disable_webhook\",\"operator\":\"equals\"}",
                    java.nio.charset.StandardCharsets.UTF_8), loginDemo("global.admin@partner.demo"), null);
            assertThat(records.body()).contains("disable_webhook", "system");

            // Switched off: nothing more is tried, and what happens meanwhile is not queued for it.
            int before = receiver.received().size();
            String whileOff = "/v1/customers/" + tenant + "/orders/" + order(tenant);
            advanceSandboxClock("PT2H");
            sleepBriefly();
            assertThat(receiver.received()).hasSize(before);
            receiver.answer(204);
            Answer changed = send("PUT", "/webhooks/v1/registration", agent, Map.of("WebhookUrl", receiver.url(),
                    "WebhookEvents", List.of("customer-created", "order-created", "order-updated", "credit-issued")));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(registrations.find().orElseThrow().health()).isEqualTo(WebhookRegistration.Health.HEALTHY);
            // On again: the deliveries still within their retries go out.
            advanceSandboxClock("PT2H");
            String latest = "/v1/customers/" + tenant + "/orders/" + order(tenant);
            receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, latest) && r.answered() == 204));
            assertThat(receiver.received()).noneMatch(r -> about(r, whileOff));
        } finally {
            receiver.answer(204);
            // Whatever happened above, the class's other tests need the registration on.
            if (!registrations.find().orElseThrow().health().enabled()) {
                send("PUT", "/webhooks/v1/registration", agent, Map.of("WebhookUrl", receiver.url(),
                        "WebhookEvents", List.of("customer-created", "order-created", "order-updated", "credit-issued")));
            }
        }
    }

    private void awaitSwitchedOff() {
        Instant deadline = Instant.now().plus(WITHIN_SECONDS);
        while (registrations.find().orElseThrow().health().enabled()) {
            assertThat(Instant.now()).as("switched off within %s", WITHIN_SECONDS).isBefore(deadline);
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1500); // several poll intervals: a delivery that were due would have been tried
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
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
