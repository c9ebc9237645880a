package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16 item 7: what a billing team reconciles with — the charges and credits no invoice has taken
 * yet with their totals per currency, and once the month is invoiced, its line items over a date range,
 * each as JSON pages and as CSV. Only global and account admins read them.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingViewsEndToEndTest extends EndToEnd {

    private final Shop shop = new Shop(this);
    private String agent;
    private String accountAdmin;
    private String customer;
    private Map<String, Object> first;
    private Map<String, Object> second;
    private LocalDate purchaseDay;

    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @BeforeAll
    void buy() {
        agent = loginDemo("admin.agent@partner.demo");
        accountAdmin = loginDemo("account.admin@partner.demo");
        customer = shop.createCustomer(agent, "Abstimmung AG", "DE");
        String offer = shop.offer(agent, CancellationEndToEndTest.WS2022_STANDARD, "0001", "DE");
        first = shop.order(agent, customer, Shop.line(0, offer, 1));
        second = shop.order(agent, customer, Shop.line(0, offer, 2));
        purchaseDay = LocalDate.ofInstant(Instant.parse((String) first.get("creationDate")), ZoneOffset.UTC);
        Answer credit = send("POST", "/v1/customers/" + customer + "/orders/" + first.get("id") + "/credits", accountAdmin,
                Map.of("amount", Map.of("amount", "10.00", "currency", "EUR"), "reason", "goodwill", "explanation", "price match"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void onlyGlobalAndAccountAdminsReadTheBillingViews() {
        for (String user : List.of("admin.agent@partner.demo", "sales.agent@partner.demo", "referral.admin@partner.demo",
                "marketing.admin@partner.demo", "support.staff@partner.demo", "customer.admin@contoso.demo")) {
            String token = loginDemo(user);
            assertThat(send("GET", "/v1/invoices/unbilled", token, null).status()).as(user).isEqualTo(403);
            assertThat(send("GET", "/v1/invoices/unbilled?format=csv", token, null).status()).as(user).isEqualTo(403);
            assertThat(send("GET", "/v1/invoices/reconciliation?startDate=2026-01-01&endDate=2026-01-31", token, null).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(send("GET", "/v1/invoices/unbilled", loginDemo("global.admin@partner.demo"), null).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theUnbilledItemsArePagedWithTheirTotalsAndExportedWhole() {
        Answer page = send("GET", "/v1/invoices/unbilled?size=2", accountAdmin, null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Map<String, Object>> items = Shop.items(page);
        assertThat(items).hasSize(2);
        assertThat(items).extracting(i -> i.get("kind") + " " + i.get("orderId"))
                .containsExactly("charge " + first.get("id"), "charge " + second.get("id"));
        assertThat(items.get(0)).containsEntry("invoiceId", null).containsEntry("currencyCode", "EUR").containsEntry("customerId", customer);
        String next = "/v1/" + Shop.map(Shop.map(page.json().get("links")).get("next")).get("uri");
        List<Map<String, Object>> rest = Shop.items(send("GET", next, accountAdmin, null));
        assertThat(rest).extracting(i -> i.get("kind") + " " + i.get("orderId")).containsExactly("credit " + first.get("id"));
        assertThat(Shop.map(rest.get(0).get("gross"))).containsEntry("amount", "-10.00");

        Map<String, Object> eur = Shop.map(((List<?>) page.json().get("summary")).get(0));
        assertThat(eur).containsEntry("currencyCode", "EUR").containsEntry("itemCount", 3);
        String charged = amount(Shop.map(first.get("totals")).get("gross"), Shop.map(second.get("totals")).get("gross"));
        assertThat(Shop.map(Shop.map(eur.get("charges")).get("gross"))).containsEntry("amount", charged);
        assertThat(Shop.map(Shop.map(eur.get("credits")).get("gross"))).containsEntry("amount", "-10.00");

        Answer csv = send("GET", "/v1/invoices/unbilled?format=csv", accountAdmin, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("invoiceId,billingMonth,currencyCode,kind,customerId,customerName,orderId,lineItemNumber,"
                + "description,occurredAt,net,tax,gross");
        assertThat(rows).hasSize(4);
        // RFC 4180 as Commons CSV writes it: an empty first cell is quoted, so the row does not start with a separator.
        assertThat(rows.get(3)).startsWith("\"\",,EUR,credit," + customer + ",Abstimmung AG," + first.get("id") + ",0,").endsWith(",-10.00");
        assertThat(send("GET", "/v1/invoices/unbilled?format=xml", accountAdmin, null).problemCode()).isEqualTo("format_unsupported");
        assertThat(send("GET", "/v1/invoices/unbilled?continuationToken=nonsense", accountAdmin, null).problemCode())
                .isEqualTo("continuation_token_invalid");
    }

    @Test
    @Order(3)
    void onceInvoicedTheItemsLeaveTheUnbilledAndReconcileOverTheirDays() throws InterruptedException {
        YearMonth month = YearMonth.from(purchaseDay);
        shop.clockTo(agent, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1)));
        Answer started = send("POST", "/v1/invoices/runs", accountAdmin, Map.of("month", month.toString()),
                "MS-RequestId", "run-" + UUID.randomUUID());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        // Polls for the run's end; the minute is only a safety net.
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ("running".equals(send("GET", "/v1/invoices/runs/" + started.json().get("id"), accountAdmin, null).json().get("status"))
                && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(Shop.items(send("GET", "/v1/invoices/unbilled", accountAdmin, null))).isEmpty();

        String range = "/v1/invoices/reconciliation?startDate=" + purchaseDay + "&endDate=" + purchaseDay;
        List<Map<String, Object>> reconciled = Shop.items(send("GET", range, accountAdmin, null));
        assertThat(reconciled).hasSize(3).allSatisfy(item -> assertThat(item)
                .containsEntry("invoiceId", "INV-" + month + "-EUR").containsEntry("billingMonth", month.toString()));
        Answer paged = send("GET", range + "&size=1", accountAdmin, null);
        assertThat(Shop.items(paged)).hasSize(1);
        String next = "/v1/" + Shop.map(Shop.map(paged.json().get("links")).get("next")).get("uri");
        assertThat(Shop.items(send("GET", next, accountAdmin, null))).hasSize(1);
        assertThat(Shop.items(send("GET", "/v1/invoices/reconciliation?startDate=" + purchaseDay.plusDays(1) + "&endDate="
                + purchaseDay.plusDays(2), accountAdmin, null))).isEmpty();

        Answer csv = send("GET", range + "&format=csv", accountAdmin, null, "Accept-Language", "pl");
        assertThat(csv.body().lines().toList()).hasSize(4).allSatisfy(row -> assertThat(row).doesNotStartWith("=") );
        assertThat(csv.body()).contains("INV-" + month + "-EUR," + month + ",EUR,charge,");

        Answer backwards = send("GET", "/v1/invoices/reconciliation?startDate=2026-11-02&endDate=2026-11-01", accountAdmin, null,
                "Accept-Language", "de");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemCode()).isEqualTo("reconciliation_range_invalid");
        assertThat((String) backwards.json().get("detail")).contains("367");
        assertThat(send("GET", "/v1/invoices/reconciliation?startDate=2025-01-01&endDate=2026-12-31", accountAdmin, null)
                .problemCode()).isEqualTo("reconciliation_range_invalid");
        assertThat(send("GET", "/v1/invoices/reconciliation?startDate=yesterday&endDate=2026-12-31", accountAdmin, null)
                .problemCode()).isEqualTo("reconciliation_date_invalid");
        assertThat(send("GET", "/v1/invoices/reconciliation?startDate=2026-12-01", accountAdmin, null).problemCode())
                .isEqualTo("reconciliation_date_invalid");
    }

    private static String amount(Object... grossValues) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Object gross : grossValues) {
            sum = sum.add(new java.math.BigDecimal((String) Shop.map(gross).get("amount")));
        }
        return sum.toPlainString();
    }
}
