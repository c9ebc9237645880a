package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16 item 5: a global or account admin issues a manual credit note with a reason for a customer's
 * order; it is on the next monthly invoice and in the activity log, never more than the order can still
 * be credited, and a later cancellation credits only the rest. Everyone else is refused.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditNotesEndToEndTest extends EndToEnd {

    private final Shop shop = new Shop(this);
    private String agent;
    private String accountAdmin;
    private String germany;
    private Map<String, Object> order;
    private BigDecimal gross;

    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @BeforeAll
    void buy() {
        agent = loginDemo("admin.agent@partner.demo");
        accountAdmin = loginDemo("account.admin@partner.demo");
        germany = shop.createCustomer(agent, "Goodwill Gesellschaft mbH", "DE");
        order = shop.order(agent, germany, Shop.line(0, shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "DE"), 2));
        gross = new BigDecimal((String) Shop.map(Shop.map(order.get("totals")).get("gross")).get("amount"));
    }

    private String credits() {
        return "/v1/customers/" + germany + "/orders/" + order.get("id") + "/credits";
    }

    private static Map<String, Object> body(String amount, String currency, String reason, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", Map.of("amount", amount, "currency", currency));
        body.put("reason", reason);
        body.put("explanation", explanation);
        return body;
    }

    @Test
    @Order(1)
    void onlyGlobalAndAccountAdminsIssueCreditNotes() {
        for (String user : List.of("admin.agent@partner.demo", "sales.agent@partner.demo", "referral.admin@partner.demo",
                "marketing.admin@partner.demo", "support.staff@partner.demo", "customer.admin@contoso.demo")) {
            Answer refused = send("POST", credits(), loginDemo(user), body("1.00", "EUR", "goodwill", "sorry"));
            assertThat(refused.status()).as(user).isEqualTo(403);
        }
        assertThat(send("POST", "/v1/customers/" + UUID.randomUUID() + "/orders/" + order.get("id") + "/credits", accountAdmin,
                body("1.00", "EUR", "goodwill", "sorry")).problemCode()).isEqualTo("customer_not_found");
        assertThat(send("POST", "/v1/customers/" + germany + "/orders/nope/credits", accountAdmin,
                body("1.00", "EUR", "goodwill", "sorry")).problemCode()).isEqualTo("order_not_found");
    }

    @Test
    @Order(2)
    void badRequestsAreRefusedWithTheirFieldAndChangeNothing() {
        Map<String, String> refusals = Map.of(
                "credit_amount_invalid", "0.00|EUR|goodwill|x",
                "credit_currency_mismatch", "1.00|USD|goodwill|x",
                "credit_explanation_missing", "1.00|EUR|goodwill| ",
                "credit_reason_unknown", "1.00|EUR|gift|x",
                "credit_reason_not_manual", "1.00|EUR|cancellation|x");
        refusals.forEach((code, input) -> {
            String[] parts = input.split("\\|", -1);
            Answer answer = send("POST", credits(), accountAdmin, body(parts[0], parts[1], parts[2], parts[3]),
                    "Accept-Language", "de");
            assertThat(answer.status()).as(code).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo(code);
            assertThat(answer.json().get("errors").toString()).contains("field=");
        });
        Answer tooMuch = send("POST", credits(), accountAdmin, body(gross.add(new BigDecimal("0.01")).toPlainString(), "EUR",
                "goodwill", "x"), "Accept-Language", "hu");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problemCode()).isEqualTo("credit_exceeds_creditable");
        assertThat((String) tooMuch.json().get("detail")).contains(gross.toPlainString()).contains("írható jóvá");
        assertThat(auditOf("issue_credit")).isEmpty();
    }

    @Test
    @Order(3)
    void aGoodwillCreditIsLoggedAndALaterCancellationCreditsOnlyTheRest() {
        Answer issued = send("POST", credits(), accountAdmin, body("100.00", "EUR", "goodwill", "Keys delivered a week late"),
                "MS-RequestId", "credit-" + UUID.randomUUID());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json()).containsEntry("reason", "goodwill").containsEntry("orderId", order.get("id"))
                .containsEntry("customerId", germany).containsEntry("explanation", "Keys delivered a week late")
                .containsEntry("issuedBy", "account.admin@partner.demo");
        assertThat(Shop.map(issued.json().get("gross"))).containsEntry("amount", "100.00").containsEntry("currency", "EUR");
        // 19 % German VAT inside the 100.00 credited: 15.97 tax.
        assertThat(Shop.map(issued.json().get("tax"))).containsEntry("amount", "15.97");
        List<Map<String, Object>> records = auditOf("issue_credit");
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("resourceId", issued.json().get("id")).containsEntry("customerId", germany);
        assertThat(records.get(0).get("customizedData").toString()).contains("Keys delivered a week late").contains("goodwill");

        Map<String, Object> preview = shop.preview(agent, germany, (String) order.get("id"));
        assertThat(new BigDecimal((String) Shop.map(Shop.map(preview.get("totalCredit")).get("gross")).get("amount")))
                .isEqualByComparingTo(gross.subtract(new BigDecimal("100.00")));
        Answer cancelled = shop.cancel(agent, germany, (String) order.get("id"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        Answer nothingLeft = send("POST", credits(), loginDemo("global.admin@partner.demo"), body("0.01", "EUR", "refund", "x"));
        assertThat(nothingLeft.status()).isEqualTo(422);
        assertThat(nothingLeft.problemCode()).isEqualTo("credit_exceeds_creditable");
    }

    @Test
    @Order(4)
    void theCreditsAreOnTheNextMonthlyInvoice() throws InterruptedException {
        YearMonth month = YearMonth.from(shop.now(agent).atOffset(ZoneOffset.UTC));
        shop.clockTo(agent, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1)));
        Answer started = send("POST", "/v1/invoices/runs", accountAdmin, Map.of("month", month.toString()),
                "MS-RequestId", "run-" + UUID.randomUUID());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = (String) started.json().get("id");
        // Polls for the run's end; the minute is only a safety net.
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ("running".equals(send("GET", "/v1/invoices/runs/" + runId, accountAdmin, null).json().get("status"))
                && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        List<Map<String, Object>> lines = Shop.items(send("GET", "/v1/invoices/INV-" + month + "-EUR/lineitems", agent, null));
        assertThat(lines).filteredOn(line -> "credit".equals(line.get("kind")))
                .extracting(line -> (String) Shop.map(line.get("gross")).get("amount"))
                .containsExactlyInAnyOrder("-100.00", gross.subtract(new BigDecimal("100.00")).negate().toPlainString());
        BigDecimal credited = lines.stream().filter(line -> "credit".equals(line.get("kind")))
                .map(line -> new BigDecimal((String) Shop.map(line.get("gross")).get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(credited.negate()).as("never more than was charged").isEqualByComparingTo(gross);
    }

    private List<Map<String, Object>> auditOf(String operation) {
        String filter = java.net.URLEncoder.encode("{\"field\":\"CustomerId\",\"value\":\"" + germany + "\",\"operator\":\"equals\"}",
                java.nio.charset.StandardCharsets.UTF_8);
        Instant now = shop.now(agent);
        return Shop.items(send("GET", "/v1/auditrecords?startDate=" + now.minus(Duration.ofDays(1)) + "&endDate="
                + now.plus(Duration.ofDays(1)) + "&filter=" + filter, loginDemo("global.admin@partner.demo"), null))
                .stream().filter(r -> operation.equals(r.get("operationKind"))).toList();
    }
}
