package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.adapters.web.security.OpenSessions;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.cspdesk.adapters.web.webhooks.StubWebhooks.T0;
import static com.cspdesk.adapters.web.webhooks.StubWebhooks.answered;
import static com.cspdesk.adapters.web.webhooks.StubWebhooks.delivery;
import static com.cspdesk.adapters.web.webhooks.StubWebhooks.unanswered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration's status, test events and delivery log over real routes, the use cases stubbed
 * ({@link StubWebhooks}): the JSON each answers (every key written, {@code null} when empty), the log's
 * pages and filter, and the refusals — an unknown status or token (400, in the caller's language), what
 * is not there (404), a role without {@code MANAGE_WEBHOOKS} or a customer's user (403, the use case never
 * asked), the use case's own "not permitted" (403), and no token (401).
 */
class WebhookDeliveriesApiTest {

    private static final String REGISTRATION = "/webhooks/v1/registration";
    private static EmbeddedServer server;
    private static StubWebhooks webhooks;
    private static JsonMapper json;
    private static String agent;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = StubWebhooks.webLayer();
        webhooks = server.getApplicationContext().getBean(StubWebhooks.class);
        json = server.getApplicationContext().getBean(JsonMapper.class);
        agent = token("agent@partner.test", "ADMIN_AGENT");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void registered() {
        webhooks.reset();
        webhooks.registration = StubWebhooks.registration("https://hooks.partner.example/in", List.of("order-created", "test-created"));
    }

    private static String token(String username, String role) {
        return OpenSessions.token(server.getApplicationContext(), username, List.of(role));
    }

    @Test
    void theRegistrationSaysWhetherItIsOnAndSinceWhenItFailsWithNullsWhenNot() throws Exception {
        HttpResponse<String> on = send("GET", REGISTRATION, agent);
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(map(on)).containsEntry("Status", "enabled").containsEntry("FailingSince", null)
                .containsEntry("DisabledAt", null).containsEntry("SubscriberId", "sub-1");

        WebhookRegistrationView current = webhooks.registration;
        webhooks.registration = new WebhookRegistrationView(current.id(), current.url(), current.events(), current.createdAt(),
                current.createdBy(), current.updatedAt(), Optional.of(T0), Optional.of(T0.plusSeconds(5 * 86_400)));
        Map<String, Object> off = map(send("GET", REGISTRATION, agent));
        assertThat(off).containsEntry("Status", "disabled").containsEntry("FailingSince", "2026-12-03T10:00:00Z")
                .containsEntry("DisabledAt", "2026-12-08T10:00:00Z");
    }

    @Test
    void aTestEventAnswersItsCorrelationIdAsAJsonStringAndThenItsAttempts() throws Exception {
        HttpResponse<String> sent = send("POST", REGISTRATION + "/validationEvents", agent);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(sent.body()).isEqualTo("\"corr-1\"");

        Map<String, Object> pending = map(send("GET", REGISTRATION + "/validationEvents/corr-1", agent));
        assertThat(pending).containsEntry("correlationId", "corr-1").containsEntry("status", "pending").containsEntry("events", List.of());

        webhooks.deliveries.set(0, delivery("msg_test1", "test-created", DeliveryStatus.DELIVERED,
                List.of(unanswered(1, "TIMEOUT", "no answer within 10 s"), answered(2, 503), answered(3, 200))));
        Map<String, Object> completed = map(send("GET", REGISTRATION + "/validationEvents/corr-1", agent));
        assertThat(completed).containsEntry("status", "completed");
        assertThat(completed.get("events")).isEqualTo(List.of(
                object("dateTimeUtc", "2026-12-03T10:00:01Z", "responseMessage", "TIMEOUT: no answer within 10 s", "systemError", true,
                        "responseCode", null),
                Map.of("dateTimeUtc", "2026-12-03T10:00:02Z", "responseCode", "503", "responseMessage", "Service Unavailable",
                        "systemError", false),
                Map.of("dateTimeUtc", "2026-12-03T10:00:03Z", "responseCode", "200", "responseMessage", "OK", "systemError", false)));

        webhooks.deliveries.set(0, delivery("msg_test1", "test-created", DeliveryStatus.FAILED, List.of(answered(1, 410))));
        assertThat(map(send("GET", REGISTRATION + "/validationEvents/corr-1", agent))).containsEntry("status", "failed");

        HttpResponse<String> unknown = send("GET", REGISTRATION + "/validationEvents/corr-9", agent);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(map(unknown)).containsEntry("code", "webhook_delivery_not_found");
    }

    @Test
    void noRegistrationNoTestEventAndNoLog() throws Exception {
        webhooks.registration = null;
        for (String[] call : new String[][] {{"POST", REGISTRATION + "/validationEvents"}, {"GET", REGISTRATION + "/deliveries"}}) {
            HttpResponse<String> answer = send(call[0], call[1], agent, "Accept-Language", "pl");
            assertThat(answer.statusCode()).as(call[1]).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(map(answer)).containsEntry("code", "webhook_registration_not_found")
                    .containsEntry("title", "Brak rejestracji webhooka");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogIsPagedNewestFirstWithEveryKeyAndFollowsItsNextLinkWithTheStatus() throws Exception {
        for (int i = 1; i <= 3; i++) {
            webhooks.deliveries.add(delivery("msg_" + i, "order-created", DeliveryStatus.FAILED, List.of(answered(1, 500))));
        }
        webhooks.deliveries.add(delivery("msg_ok", "order-created", DeliveryStatus.DELIVERED, List.of(answered(1, 204))));

        HttpResponse<String> first = send("GET", REGISTRATION + "/deliveries?size=2&status=failed", agent);
        assertThat(first.statusCode()).isEqualTo(200);
        Map<String, Object> page = map(first);
        assertThat(webhooks.lastStatus).contains(DeliveryStatus.FAILED);
        assertThat(webhooks.lastPage.size()).isEqualTo(2);
        assertThat(page).containsEntry("totalCount", 3);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(item -> item.get("id")).containsExactly("msg_1", "msg_2");
        assertThat(items.get(0)).containsOnlyKeys("id", "eventName", "resourceUri", "resourceChangeUtcDate", "status", "attemptCount",
                "lastAttemptAt", "lastResponseCode", "nextAttemptAt", "deliveredAt")
                .containsEntry("status", "failed").containsEntry("attemptCount", 1).containsEntry("lastResponseCode", 500)
                .containsEntry("lastAttemptAt", "2026-12-03T10:00:01Z").containsEntry("nextAttemptAt", null)
                .containsEntry("deliveredAt", null).containsEntry("resourceChangeUtcDate", "2026-12-03T10:00:00Z");
        Map<String, Object> next = (Map<String, Object>) ((Map<String, Object>) page.get("links")).get("next");
        assertThat(next).containsEntry("uri", REGISTRATION + "/deliveries?size=2&continuationToken=at-2&status=failed")
                .containsEntry("method", "GET")
                .containsEntry("headers", List.of(Map.of("key", "MS-ContinuationToken", "value", "at-2")));

        Map<String, Object> second = map(send("GET", (String) next.get("uri"), agent));
        assertThat((List<Map<String, Object>>) second.get("items")).extracting(item -> item.get("id")).containsExactly("msg_3");
        assertThat(second).doesNotContainKey("links");

        // Partner Center's SDK sends only the header when it follows a link.
        Map<String, Object> byHeader = map(send("GET", REGISTRATION + "/deliveries?size=2&status=failed", agent,
                "MS-ContinuationToken", "at-2"));
        assertThat((List<Map<String, Object>>) byHeader.get("items")).extracting(item -> item.get("id")).containsExactly("msg_3");

        Map<String, Object> all = map(send("GET", REGISTRATION + "/deliveries", agent));
        assertThat(webhooks.lastStatus).isEmpty();
        assertThat(webhooks.lastPage.size()).isEqualTo(50);
        assertThat(all).containsEntry("totalCount", 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnknownStatusOrTokenIsRefusedInTheCallersLanguage() throws Exception {
        HttpResponse<String> status = send("GET", REGISTRATION + "/deliveries?status=lost", agent, "Accept-Language", "de");
        assertThat(status.statusCode()).isEqualTo(400);
        Map<String, Object> problem = map(status);
        assertThat(problem).containsEntry("code", "webhook_delivery_status_unknown").containsEntry("title", "Unbekannter Zustellstatus");
        assertThat((List<Map<String, Object>>) problem.get("errors")).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("field", "status")
                .containsEntry("message", "Unbekannter Status lost; verwenden Sie pending, delivered oder failed."));
        assertThat(webhooks.lastPage).as("the use case was not asked").isNull();

        HttpResponse<String> token = send("GET", REGISTRATION + "/deliveries?continuationToken=forged", agent, "Accept-Language", "sv");
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(map(token)).containsEntry("code", "continuation_token_invalid").containsEntry("title", "Ogiltig fortsättningstoken");
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDeliveryHasEveryAttemptAndCanBeSentAgain() throws Exception {
        webhooks.deliveries.add(delivery("msg_7", "customer-created", DeliveryStatus.FAILED,
                List.of(unanswered(1, "CONNECTION_REFUSED", "Connection refused"), answered(2, 500))));

        HttpResponse<String> read = send("GET", REGISTRATION + "/deliveries/msg_7", agent);
        assertThat(read.statusCode()).isEqualTo(200);
        Map<String, Object> delivery = map(read);
        assertThat(delivery).containsEntry("id", "msg_7").containsEntry("eventName", "customer-created")
                .containsEntry("attemptCount", 2).containsEntry("status", "failed");
        assertThat((List<Map<String, Object>>) delivery.get("attempts")).containsExactly(
                object("number", 1, "at", "2026-12-03T10:00:01Z", "latencyMs", 10_000, "failure", "CONNECTION_REFUSED",
                        "detail", "Connection refused", "responseCode", null),
                object("number", 2, "at", "2026-12-03T10:00:02Z", "latencyMs", 42, "responseCode", 500,
                        "failure", null, "detail", null));

        HttpResponse<String> again = send("POST", REGISTRATION + "/deliveries/msg_7/redeliver", agent);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(map(again)).containsEntry("id", "msg_7").containsEntry("status", "pending")
                .containsEntry("nextAttemptAt", "2026-12-03T11:00:00Z");
        assertThat(webhooks.redelivered).containsExactly("msg_7");

        for (String[] call : new String[][] {{"GET", "/deliveries/msg_0"}, {"POST", "/deliveries/msg_0/redeliver"}}) {
            HttpResponse<String> missing = send(call[0], REGISTRATION + call[1], agent, "Accept-Language", "hu");
            assertThat(missing.statusCode()).as(call[1]).isEqualTo(404);
            assertThat(map(missing)).containsEntry("code", "webhook_delivery_not_found")
                    .containsEntry("detail", "A regisztrációnak nincs msg_0 azonosítójú kézbesítése. Lásd GET /webhooks/v1/registration/deliveries.");
        }
        assertThat(webhooks.redelivered).containsExactly("msg_7");
    }

    private static final String[][] EVERY_CALL = {
            {"POST", REGISTRATION + "/validationEvents"},
            {"GET", REGISTRATION + "/validationEvents/corr-1"},
            {"GET", REGISTRATION + "/deliveries"},
            {"GET", REGISTRATION + "/deliveries/msg_1"},
            {"POST", REGISTRATION + "/deliveries/msg_1/redeliver"},
            {"GET", REGISTRATION},
    };

    @Test
    void aRoleWithoutManageWebhooksAndACustomersUserAreRefusedBeforeAnyUseCase() throws Exception {
        webhooks.deliveries.add(delivery("msg_1", "order-created", DeliveryStatus.FAILED, List.of(answered(1, 500))));
        for (String role : List.of("REFERRAL_ADMIN", "MARKETING_CONTENT_ADMIN", "CUSTOMER_GLOBAL_ADMIN")) {
            String token = token(role.toLowerCase() + "@partner.test", role);
            for (String[] call : EVERY_CALL) {
                HttpResponse<String> refused = send(call[0], call[1], token, "Accept-Language", "tr");
                assertThat(refused.statusCode()).as(role + " " + call[1]).isEqualTo(403);
                assertThat(map(refused)).containsEntry("code", "forbidden");
            }
        }
        assertThat(webhooks.lastPage).isNull();
        assertThat(webhooks.redelivered).isEmpty();
        assertThat(webhooks.tests).isEmpty();
        for (String[] call : EVERY_CALL) {
            assertThat(send(call[0], call[1], null).statusCode()).as(call[1]).isEqualTo(401);
        }
    }

    @Test
    void theUseCasesOwnRefusalIs403Too() throws Exception {
        webhooks.deliveries.add(delivery("msg_1", "order-created", DeliveryStatus.FAILED, List.of(answered(1, 500))));
        webhooks.refuse = true;
        for (String[] call : EVERY_CALL) {
            HttpResponse<String> refused = send(call[0], call[1], agent);
            assertThat(refused.statusCode()).as(call[1]).isEqualTo(403);
            assertThat(map(refused)).containsEntry("code", "forbidden");
        }
        assertThat(webhooks.redelivered).isEmpty();
    }

    /** A JSON object as expected, in pairs of key and value; a value may be null (Map.of takes none). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private HttpResponse<String> send(String method, String path, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(HttpResponse<String> answer) throws IOException {
        return json.readValue(answer.body(), Map.class);
    }
}
