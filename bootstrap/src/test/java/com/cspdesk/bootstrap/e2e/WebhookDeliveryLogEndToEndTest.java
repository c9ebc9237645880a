package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.WebhookReceiver.Received;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15 items 1 and 4 end to end on MariaDB, with a real receiver on 127.0.0.1: Partner Center's test
 * event (its correlation id, then whether it was delivered, each attempt's answer), the registration's
 * delivery log (newest first, by status, in pages with links.next), one delivery with its attempts, and
 * "redeliver" (the same webhook-id again); a failing receiver shows on the registration. Refusals: an
 * unknown status or token (400 in the caller's language), what is not there (404), a role without
 * MANAGE_WEBHOOKS and a customer's user (403), no token (401). Every answer is checked against the API
 * document by {@link EndToEnd}.
 */
@MicronautTest(transactional = false)
class WebhookDeliveryLogEndToEndTest extends EndToEnd {

    private static final String REGISTRATION = "/webhooks/v1/registration";
    /** How long the delivery threads may take: a safety net, never a measurement. */
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    private final Shop shop = new Shop(this);
    private WebhookReceiver receiver;
    private String agent;

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
        Answer registered = send("POST", REGISTRATION, agent, Map.of("WebhookUrl", receiver.url(),
                "WebhookEvents", List.of("customer-created", "test-created")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        receiver.trust((String) registered.json().get("SigningSecret"));
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTestEventAnswersItsCorrelationIdAndThenThatItWasDelivered() {
        Answer sent = send("POST", REGISTRATION + "/validationEvents", agent, null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(sent.body()).startsWith("\"").endsWith("\"");
        String correlationId = sent.body().substring(1, sent.body().length() - 1);
        assertThat(UUID.fromString(correlationId)).isNotNull();

        String status = REGISTRATION + "/validationEvents/" + correlationId;
        Received test = receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> r.resourceUri() != null
                && r.resourceUri().endsWith(status))).stream().filter(r -> r.resourceUri().endsWith(status)).findFirst().orElseThrow();
        assertThat(test.eventName()).isEqualTo("test-created");
        assertThat(test.verified()).as("signed with the registration's secret").isTrue();

        Map<String, Object> completed = awaitJson(status, answer -> "completed".equals(answer.get("status")));
        assertThat(completed).containsOnlyKeys("correlationId", "status", "events").containsEntry("correlationId", correlationId);
        List<Map<String, Object>> events = (List<Map<String, Object>>) completed.get("events");
        assertThat(events).singleElement().satisfies(event -> assertThat(event)
                .containsOnlyKeys("dateTimeUtc", "responseCode", "responseMessage", "systemError")
                .containsEntry("responseCode", "204").containsEntry("responseMessage", "No Content").containsEntry("systemError", false));

        // The test is in the log like any delivery, under the webhook-id the receiver got.
        Answer delivery = send("GET", REGISTRATION + "/deliveries/" + test.id(), agent, null);
        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        assertThat(delivery.json()).containsEntry("eventName", "test-created").containsEntry("status", "delivered")
                .containsEntry("attemptCount", 1).containsEntry("lastResponseCode", 204);

        Answer unknown = send("GET", REGISTRATION + "/validationEvents/" + UUID.randomUUID(), agent, null, "Accept-Language", "sv");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("webhook_delivery_not_found");
        assertThat(unknown.json().get("title")).isEqualTo("Ingen sådan leverans");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogListsTheDeliveriesNewestFirstByStatusInPagesFollowingLinksNext() {
        List<String> customers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            customers.add("/v1/customers/" + shop.createCustomer(agent, "Napló " + i + " Kft.", "HU"));
        }
        receiver.await(WITHIN_SECONDS, got -> customers.stream().allMatch(uri -> got.stream().anyMatch(r -> about(r, uri)
                && r.answered() == 204)));
        awaitJson(REGISTRATION + "/deliveries?status=pending", page -> page.get("totalCount").equals(0));

        Answer first = send("GET", REGISTRATION + "/deliveries?size=2&status=delivered", agent, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(((Number) first.json().get("totalCount")).intValue()).isGreaterThanOrEqualTo(3);
        List<Map<String, Object>> items = Shop.items(first);
        assertThat(items).hasSize(2);
        // Newest first: the last customer's delivery leads.
        assertThat((String) items.get(0).get("resourceUri")).endsWith(customers.get(2));
        assertThat((String) items.get(1).get("resourceUri")).endsWith(customers.get(1));
        assertThat(items.get(0)).containsOnlyKeys("id", "eventName", "resourceUri", "resourceChangeUtcDate", "status",
                "attemptCount", "lastAttemptAt", "lastResponseCode", "nextAttemptAt", "deliveredAt")
                .containsEntry("eventName", "customer-created").containsEntry("status", "delivered")
                .containsEntry("lastResponseCode", 204).containsEntry("nextAttemptAt", null);
        assertThat(items.get(0).get("deliveredAt")).isNotNull();

        Map<String, Object> next = (Map<String, Object>) ((Map<String, Object>) first.json().get("links")).get("next");
        String nextUri = (String) next.get("uri");
        assertThat(nextUri).startsWith(REGISTRATION + "/deliveries?size=2&continuationToken=").endsWith("&status=delivered");
        Answer second = send("GET", nextUri, agent, null);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        List<Map<String, Object>> following = Shop.items(second);
        assertThat((String) following.get(0).get("resourceUri")).endsWith(customers.get(0));
        Set<Object> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.get("id")));
        following.forEach(item -> assertThat(ids.add(item.get("id"))).as("no delivery on two pages").isTrue());
        assertThat(following).allSatisfy(item -> assertThat(item).containsEntry("status", "delivered"));

        Answer failed = send("GET", REGISTRATION + "/deliveries?status=failed", agent, null);
        assertThat(failed.json()).containsEntry("totalCount", 0).containsEntry("items", List.of());

        Answer unknownStatus = send("GET", REGISTRATION + "/deliveries?status=lost", agent, null, "Accept-Language", "pl");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.problemCode()).isEqualTo("webhook_delivery_status_unknown");
        assertThat((List<Map<String, Object>>) unknownStatus.json().get("errors")).singleElement().satisfies(error ->
                assertThat(error).containsEntry("field", "status")
                        .containsEntry("message", "Nieznany status lost; użyj pending, delivered lub failed."));
        Answer forged = send("GET", REGISTRATION + "/deliveries?continuationToken=forged", agent, null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.problemCode()).isEqualTo("continuation_token_invalid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeliveryShowsItsAttemptsAndIsSentAgainUnderTheSameWebhookId() {
        String customer = "/v1/customers/" + shop.createCustomer(agent, "Újra Kft.", "HU");
        Received first = receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> about(r, customer))).stream()
                .filter(r -> about(r, customer)).findFirst().orElseThrow();
        String path = REGISTRATION + "/deliveries/" + first.id();
        Map<String, Object> delivered = awaitJson(path, d -> "delivered".equals(d.get("status")));
        assertThat((List<Map<String, Object>>) delivered.get("attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt).containsOnlyKeys("number", "at", "responseCode", "latencyMs", "failure", "detail")
                    .containsEntry("number", 1).containsEntry("responseCode", 204).containsEntry("failure", null)
                    .containsEntry("detail", null);
            assertThat(((Number) attempt.get("latencyMs")).longValue()).isNotNegative();
        });

        Answer again = send("POST", path + "/redeliver", loginDemo("sales.agent@partner.demo"), null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json()).containsEntry("id", first.id()).containsEntry("status", "pending");
        List<Received> twice = receiver.await(WITHIN_SECONDS, got -> got.stream().filter(r -> about(r, customer)).count() == 2);
        assertThat(twice).filteredOn(r -> about(r, customer)).extracting(Received::id).containsOnly(first.id());
        assertThat(twice).filteredOn(r -> about(r, customer)).allSatisfy(r -> assertThat(r.verified()).isTrue());
        Map<String, Object> redelivered = awaitJson(path, d -> "delivered".equals(d.get("status")) && d.get("attemptCount").equals(2));
        assertThat((List<Map<String, Object>>) redelivered.get("attempts")).extracting(a -> a.get("number")).containsExactly(1, 2);

        for (String[] call : new String[][] {{"GET", REGISTRATION + "/deliveries/msg_none"},
                {"POST", REGISTRATION + "/deliveries/msg_none/redeliver"}}) {
            Answer missing = send(call[0], call[1], agent, null, "Accept-Language", "hu");
            assertThat(missing.status()).as(call[1]).isEqualTo(404);
            assertThat(missing.problemCode()).isEqualTo("webhook_delivery_not_found");
            assertThat(missing.json().get("detail").toString()).contains("msg_none", "kézbesítése");
        }

        Answer log = send("GET", "/v1/auditrecords?size=500", loginDemo("global.admin@partner.demo"), null);
        assertThat(Shop.items(log)).filteredOn(r -> "redeliver_webhook".equals(r.get("operationKind")))
                .flatExtracting(r -> (List<Object>) r.get("customizedData")).contains(Map.of("key", "webhookId", "value", first.id()));
    }

    @Test
    void aFailingReceiverShowsOnTheTestAndOnTheRegistration() {
        receiver.answer(503);
        String status;
        try {
            Answer sent = send("POST", REGISTRATION + "/validationEvents", agent, null);
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            status = REGISTRATION + "/validationEvents/" + sent.body().replace("\"", "");
            String uri = status;
            receiver.await(WITHIN_SECONDS, got -> got.stream().anyMatch(r -> r.resourceUri() != null && r.resourceUri().endsWith(uri)));
            Map<String, Object> pending = awaitJson(status, answer -> !((List<?>) answer.get("events")).isEmpty());
            assertThat(pending).containsEntry("status", "pending");
            assertThat(((List<?>) pending.get("events")).get(0)).isEqualTo(Map.of("dateTimeUtc",
                    ((Map<?, ?>) ((List<?>) pending.get("events")).get(0)).get("dateTimeUtc"), "responseCode", "503",
                    "responseMessage", "Service Unavailable", "systemError", false));

            Map<String, Object> registration = send("GET", REGISTRATION, agent, null).json();
            assertThat(registration).containsEntry("Status", "enabled").containsEntry("DisabledAt", null);
            assertThat(Instant.parse((String) registration.get("FailingSince"))).isBeforeOrEqualTo(Instant.now());
        } finally {
            receiver.answer(204);
        }
        // Its retry (seconds later) is answered: the test completes and the registration is well again.
        awaitJson(status, answer -> "completed".equals(answer.get("status")));
        assertThat(send("GET", REGISTRATION, agent, null).json()).containsEntry("FailingSince", null);
    }

    @Test
    void aRoleWithoutManageWebhooksACustomersUserAndNoTokenAreRefused() {
        String referral = createUser(login(ADMIN, ADMIN_PASSWORD), "referral.log@partner.test", "Referral-Passw0rd!", "REFERRAL_ADMIN");
        String customer = loginDemo("customer.admin@contoso.demo");
        String[][] calls = {
                {"POST", REGISTRATION + "/validationEvents"},
                {"GET", REGISTRATION + "/validationEvents/" + UUID.randomUUID()},
                {"GET", REGISTRATION + "/deliveries"},
                {"GET", REGISTRATION + "/deliveries/msg_any"},
                {"POST", REGISTRATION + "/deliveries/msg_any/redeliver"},
        };
        for (String[] call : calls) {
            for (String token : List.of(referral, customer)) {
                Answer refused = send(call[0], call[1], token, null, "Accept-Language", "de");
                assertThat(refused.status()).as(call[0] + " " + call[1]).isEqualTo(403);
                assertThat(refused.problemCode()).isEqualTo("forbidden");
            }
            assertThat(send(call[0], call[1], null, null).status()).as(call[0] + " " + call[1]).isEqualTo(401);
        }
        assertThat(send("GET", REGISTRATION + "/deliveries", loginDemo("account.admin@partner.demo"), null).status())
                .as("an account admin manages webhooks").isEqualTo(200);
    }

    private static boolean about(Received received, String resourceUri) {
        return received.resourceUri() != null && received.resourceUri().endsWith(resourceUri);
    }

    /**
     * GETs the path until its JSON answer matches: the delivery threads write the outcome just after the
     * receiver answered. Polls only to wait for them; the bound is a safety net, not a measurement.
     */
    private Map<String, Object> awaitJson(String path, Predicate<Map<String, Object>> until) {
        long giveUp = System.nanoTime() + WITHIN_SECONDS.toNanos();
        while (true) {
            Answer answer = send("GET", path, agent, null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            Map<String, Object> json = answer.json();
            if (until.test(json)) {
                return json;
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(path + " did not come to what was awaited within " + WITHIN_SECONDS + ": " + answer);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
