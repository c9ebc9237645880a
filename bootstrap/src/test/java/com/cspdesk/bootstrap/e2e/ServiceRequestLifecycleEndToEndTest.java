package com.cspdesk.bootstrap.e2e;

import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.domain.webhooks.WebhookEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support requests that end (issue #16 item 4), on the sandbox clock: a partner files a refund request
 * after the cancellation window, support staff take it, both sides write notes, support resolves it with
 * an approved amount — one credit note on the next monthly invoice, however it is retried, reopened or
 * resolved again — and the
 * refusals: a sales agent (403), the partner resolving or taking (403), a status that is none (400), a
 * move the lifecycle has not (409 with a code), an amount the order cannot take (422).
 */
@MicronautTest(transactional = false)
class ServiceRequestLifecycleEndToEndTest extends EndToEnd {

    static final String RESERVED_VM_D4S_V5 = ServiceRequestsEndToEndTest.RESERVED_VM_D4S_V5;

    @Inject
    EventOutbox outbox;

    private final Shop shop = new Shop(this);
    private String agent;
    private String support;
    private String salesAgent;
    private String globalAdmin;
    private String customer;
    private WebhookReceiver receiver;

    @Override
    boolean clockStandsStill() {
        return true;
    }

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        return settings;
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.close();
    }

    @BeforeAll
    void signIn() throws IOException {
        agent = loginDemo("admin.agent@partner.demo");
        receiver = WebhookReceiver.receivingEverything(this, agent);
        support = loginDemo("support.staff@partner.demo");
        salesAgent = loginDemo("sales.agent@partner.demo");
        globalAdmin = loginDemo("global.admin@partner.demo");
        customer = shop.createCustomer(agent, "Lifecycle GmbH", "DE");
    }

    @Test
    void aRefundRequestIsTakenAnsweredFromBothSidesAndResolvedWithAnAmountCreditedOnce() {
        Map<String, Object> order = shop.order(agent, customer, Shop.line(0, shop.offer(agent, RESERVED_VM_D4S_V5, "0002", "DE"), 1));
        String orderId = (String) order.get("id");
        BigDecimal gross = new BigDecimal((String) Shop.map(Shop.map(order.get("totals")).get("gross")).get("amount"));
        // Forty days later the self-service window has ended: the partner asks support for the refund.
        shop.clockTo(globalAdmin, shop.now(agent).plus(Duration.ofDays(40)));
        String id = (String) file(orderId, "250.00").get("id");

        // Support's queue holds the open request; a sales agent may neither read nor change requests.
        Answer queue = send("GET", "/v1/servicerequests?status=open&size=100", support, null);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(Shop.items(queue)).extracting(item -> item.get("id")).contains(id);
        assertThat(Shop.items(queue)).extracting(item -> item.get("status")).containsOnly("open");
        assertThat(send("GET", "/v1/servicerequests?status=none", support, null).problemCode()).isEqualTo("service_request_status_invalid");
        assertThat(send("GET", "/v1/servicerequests/" + id, salesAgent, null).status()).isEqualTo(403);
        assertThat(send("PATCH", "/v1/servicerequests/" + id, salesAgent, note("Let me help.")).status()).isEqualTo(403);

        Instant taken = shop.clockTo(globalAdmin, shop.now(agent).plus(Duration.ofHours(2)));
        Map<String, Object> inProgress = patch(support, id, Map.of("status", "in_progress",
                "newNote", Map.of("text", "We are checking the order with the customer.")));
        assertThat(inProgress).containsEntry("status", "in_progress").containsEntry("lastModifiedDate", taken.toString());
        Map<String, Object> answered = patch(agent, id, note("The customer confirmed: bought the wrong size."));
        assertThat(notes(answered)).extracting(n -> n.get("authorSide"), n -> n.get("createdByName"), n -> n.get("text"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("support", "support.staff@partner.demo", "We are checking the order with the customer."),
                        org.assertj.core.groups.Tuple.tuple("partner", "admin.agent@partner.demo", "The customer confirmed: bought the wrong size."));
        assertThat(notes(answered).get(0)).containsEntry("createdDate", taken.toString());

        // The partner may not take, ask or resolve; a status that is none is 400; an amount the order cannot take 422.
        assertThat(send("PATCH", "/v1/servicerequests/" + id, agent, Map.of("status", "attention_needed")).status()).isEqualTo(403);
        assertThat(send("PATCH", "/v1/servicerequests/" + id, agent, approve("250.00")).status()).isEqualTo(403);
        Answer bogus = send("PATCH", "/v1/servicerequests/" + id, support, Map.of("status", "escalated"));
        assertThat(bogus.status()).as(bogus.toString()).isEqualTo(400);
        assertThat(bogus.problemCode()).isEqualTo("service_request_status_invalid");
        assertThat(bogus.json().get("errors").toString()).contains("field=status,");
        Answer tooMuch = send("PATCH", "/v1/servicerequests/" + id, support, approve(gross.add(new BigDecimal("0.01")).toPlainString()));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(tooMuch.problemCode()).isEqualTo("approved_amount_exceeds_creditable");
        Answer german = send("PATCH", "/v1/servicerequests/" + id, support, Map.of("status", "resolved"), "Accept-Language", "de");
        assertThat(german.json()).containsEntry("code", "resolution_required").containsEntry("title", "Entscheidung erforderlich");

        Answer resolved = send("PATCH", "/v1/servicerequests/" + id, support, approve("200.00"), "MS-RequestId", "resolve-" + id);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json()).containsEntry("status", "resolved")
                .containsEntry("refundCredited", Map.of("amount", "200.00", "currency", "EUR"));
        assertThat(Shop.map(resolved.json().get("resolution"))).containsEntry("outcome", "approved")
                .containsEntry("resolvedBy", "support.staff@partner.demo")
                .containsEntry("approvedAmount", Map.of("amount", "200.00", "currency", "EUR"));
        // The partner reads the resolution.
        assertThat(Shop.map(send("GET", "/v1/servicerequests/" + id, agent, null).json().get("resolution")))
                .containsEntry("outcome", "approved");

        // A retry is the same answer; a second resolve is no move; reopened and approved again, nothing is credited twice.
        Answer retried = send("PATCH", "/v1/servicerequests/" + id, support, approve("200.00"), "MS-RequestId", "resolve-" + id);
        assertThat(retried.body()).isEqualTo(resolved.body());
        Answer twice = send("PATCH", "/v1/servicerequests/" + id, support, approve("200.00"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("service_request_transition_invalid");
        assertThat(patch(agent, id, Map.of("status", "Open", "newNote", Map.of("text", "Please also refund the rest."))))
                .containsEntry("status", "open");
        Answer again = send("PATCH", "/v1/servicerequests/" + id, support, approve("10.00"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("refund_already_credited");
        Map<String, Object> declined = patch(support, id, Map.of("resolution",
                Map.of("outcome", "declined", "reason", "The rest was used for three weeks.")));
        assertThat(Shop.map(declined.get("resolution"))).containsEntry("outcome", "declined")
                .containsEntry("reason", "The rest was used for three weeks.");
        assertThat(declined).containsEntry("refundCredited", Map.of("amount", "200.00", "currency", "EUR"));

        // The partner closes it; closed is final.
        assertThat(patch(agent, id, Map.of("status", "closed"))).containsEntry("status", "closed");
        Answer noteOnClosed = send("PATCH", "/v1/servicerequests/" + id, support, note("One more thing."));
        assertThat(noteOnClosed.status()).isEqualTo(409);
        assertThat(noteOnClosed.problemCode()).isEqualTo("service_request_closed");
        Answer reopenClosed = send("PATCH", "/v1/servicerequests/" + id, support, Map.of("status", "open"));
        assertThat(reopenClosed.status()).isEqualTo(409);
        assertThat(reopenClosed.problemCode()).isEqualTo("service_request_transition_invalid");

        // The approved refund is one credit note (issue_credit, linked to the request), on the next monthly invoice once.
        List<Map<String, Object>> credits = logged("issue_credit", record -> record.get("customizedData").toString()
                .contains("value=" + id + "}"));
        assertThat(credits).hasSize(1);
        assertThat(credits.get(0).get("customizedData").toString()).contains("value=refund}").contains("value=200.00}");

        // Every change is on the activity log and raised service-request-updated.
        assertThat(logged("update_service_request", id)).hasSize(4);
        assertThat(logged("resolve_service_request", id)).hasSize(2);
        assertThat(outbox.ofOrderingKey("/v1/servicerequests/" + id)).extracting(e -> e.change().event())
                .containsExactly(WebhookEvent.SERVICE_REQUEST_CREATED, WebhookEvent.SERVICE_REQUEST_UPDATED,
                        WebhookEvent.SERVICE_REQUEST_UPDATED, WebhookEvent.SERVICE_REQUEST_UPDATED,
                        WebhookEvent.SERVICE_REQUEST_UPDATED, WebhookEvent.SERVICE_REQUEST_UPDATED,
                        WebhookEvent.SERVICE_REQUEST_UPDATED);

        // The month's invoice run has the refund once, as a credit on the order.
        YearMonth month = YearMonth.from(shop.now(agent).atOffset(ZoneOffset.UTC));
        shop.clockTo(globalAdmin, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1)));
        assertThat(invoiceRunToItsEnd(globalAdmin, month)).containsEntry("status", "completed");
        List<Map<String, Object>> lines = Shop.items(send("GET", "/v1/invoices/INV-" + month + "-EUR/lineitems?size=500", agent, null));
        assertThat(lines).filteredOn(line -> "credit".equals(line.get("kind")) && orderId.equals(line.get("orderId")))
                .extracting(line -> Shop.map(line.get("gross")).get("amount")).containsExactly("-200.00");
    }

    @Test
    void supportStaffReadEveryRequestButFileNoneAndAnUnknownRequestIsNotFound() {
        String orderId = (String) shop.order(agent, customer, Shop.line(0, shop.offer(agent, RESERVED_VM_D4S_V5, "0002", "DE"), 1))
                .get("id");
        String id = (String) file(orderId, "1.00").get("id");
        assertThat(send("GET", "/v1/servicerequests/" + id, support, null).status()).isEqualTo(200);
        assertThat(send("POST", "/v1/servicerequests", support, refund(orderId, "1.00")).status()).isEqualTo(403);
        Answer unknown = send("PATCH", "/v1/servicerequests/no-such-request", support, note("Hello"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("service_request_not_found");
        Answer empty = send("PATCH", "/v1/servicerequests/" + id, support, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemCode()).isEqualTo("service_request_change_missing");
    }

    // --- helpers

    private Map<String, Object> file(String orderId, String amount) {
        Answer answer = send("POST", "/v1/servicerequests", agent, refund(orderId, amount));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json()).containsEntry("status", "open").containsEntry("notes", List.of())
                .containsEntry("resolution", null);
        return answer.json();
    }

    private Map<String, Object> refund(String orderId, String amount) {
        return ServiceRequestsEndToEndTest.refundRequest(customer, orderId, "Bought the wrong size; noticed after the window.",
                amount, "moderate", "Refund after the window");
    }

    private Map<String, Object> patch(String token, String id, Map<String, Object> body) {
        Answer answer = send("PATCH", "/v1/servicerequests/" + id, token, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, Object> note(String text) {
        return Map.of("newNote", Map.of("text", text));
    }

    private static Map<String, Object> approve(String amount) {
        return Map.of("status", "resolved", "resolution",
                Map.of("outcome", "approved", "approvedAmount", Map.of("amount", amount, "currency", "EUR")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> notes(Map<String, Object> request) {
        return (List<Map<String, Object>>) request.get("notes");
    }

    private List<Map<String, Object>> logged(String operation, String requestId) {
        return logged(operation, record -> requestId.equals(record.get("resourceId")));
    }

    private List<Map<String, Object>> logged(String operation, Predicate<Map<String, Object>> which) {
        String filter = URLEncoder.encode("{\"field\":\"OperationKind\",\"value\":\"" + operation + "\",\"operator\":\"equals\"}",
                StandardCharsets.UTF_8);
        // The records are on the sandbox clock's time, ahead of the wall clock: name the range around it.
        Instant now = shop.now(globalAdmin);
        Answer records = send("GET", "/v1/auditrecords?size=500&startDate=" + now.minus(Duration.ofDays(1)) + "&endDate="
                + now.plus(Duration.ofDays(1)) + "&filter=" + filter, globalAdmin, null);
        assertThat(records.status()).as(records.toString()).isEqualTo(200);
        return Shop.items(records).stream().filter(which).toList();
    }
}
