package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec "Cancel a purchase" and "Post-cancellation details", api.md "Orders" (preview and PATCH):
 * everything that happens on the day of the purchase (the clock does not move in this class) —
 * the preview, a whole and a partial cancellation, what is revoked afterwards, the refusals, who
 * may cancel, MS-RequestId retries and concurrent cancellations of one order.
 */
@MicronautTest(transactional = false)
class CancellationEndToEndTest extends EndToEnd {

    static final String WS2022_STANDARD = "DG7GMGF0BHXC";
    static final String SUSE_PLAN = "DG7GMGF086YL";

    private final Purchases purchases = new Purchases(this);
    private final Shop shop = new Shop(this);
    private String agent;

    @Override
    public Map<String, String> getProperties() {
        return purchases.withStore(super.getProperties());
    }

    @BeforeAll
    void signIn() {
        agent = loginDemo("admin.agent@partner.demo");
    }

    @AfterAll
    void deleteFiles() {
        purchases.deleteStore();
    }

    @Test
    void aFreshPurchaseIsCancellableForSixtyDaysForItsFullPrice() {
        String tenant = shop.createCustomer(agent, "Preview GmbH", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 2));
        String orderId = (String) order.get("id");
        Instant purchased = Instant.parse((String) order.get("creationDate"));

        Answer answer = send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", agent, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<String, Object> preview = answer.json();
        assertThat(preview).containsEntry("orderId", orderId).containsEntry("cancellable", true).containsEntry("reason", null)
                .containsEntry("daysRemaining", 60).containsEntry("supportRequestRequired", false)
                .containsEntry("supportRequestUri", null);
        assertThat(Instant.parse((String) preview.get("windowEndsAt"))).isEqualTo(purchased.plus(Duration.ofDays(60)));
        Map<String, Object> line = Shop.lines(preview).get(0);
        assertThat(line).containsEntry("lineItemNumber", 0).containsEntry("cancellable", true).containsEntry("reason", null)
                .containsEntry("daysRemaining", 60);
        assertThat((String) line.get("friendlyName")).contains("Windows Server 2022 Standard");
        Map<String, Object> totals = Shop.map(order.get("totals"));
        assertThat(line.get("credit")).isEqualTo(totals);
        assertThat(preview.get("totalCredit")).isEqualTo(totals);

        // Read-only: the preview changed nothing, whoever may read the order may see it.
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json()).isEqualTo(order);
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", loginDemo("sales.agent@partner.demo"),
                null).status()).isEqualTo(200);
        String domain = shop.domainOf(tenant);
        assertThat(send("GET", Shop.ordersOf(domain) + "/" + orderId + "/cancellation", agent, null).json()).isEqualTo(preview);
    }

    @Test
    void cancellingOnTheDayOfPurchaseCreditsEverythingAndAnswersTheOrderAsGetDoes() {
        String tenant = shop.createCustomer(agent, "Day Zero GmbH", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1));
        String orderId = (String) order.get("id");

        Answer cancelled = shop.cancel(agent, tenant, orderId);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Map<String, Object> body = cancelled.json();
        assertThat(body).containsEntry("status", "cancelled").containsEntry("id", orderId);
        assertThat(Shop.lines(body).get(0)).containsEntry("quantity", 0).containsEntry("status", "cancelled");
        assertThat(body.get("creditTotal")).isEqualTo(order.get("totals"));

        Map<String, Object> read = send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json();
        Map<String, Object> withoutCredit = new LinkedHashMap<>(body);
        withoutCredit.remove("creditTotal");
        assertThat(withoutCredit).as("the PATCH answers the order exactly as GET shows it").isEqualTo(read);
        // What was bought and charged stays as it was; only quantity and status change.
        assertThat(read.get("totals")).isEqualTo(order.get("totals"));

        Map<String, Object> preview = send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", agent, null).json();
        assertThat(preview).containsEntry("cancellable", false).containsEntry("reason", "already_cancelled");
        Answer again = shop.cancel(agent, tenant, orderId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("already_cancelled");
    }

    @Test
    void afterCancellingTheKeyAndEveryDownloadLinkAreGoneButTheSoftwareIsStillListed() {
        String tenant = purchases.createCustomer(agent, "Revoked Kft.", "HU");
        String orderId = purchases.buy(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD, "HU");
        String software = purchases.softwareId(agent, tenant, Purchases.SQL_SERVER_2022_STANDARD);
        byte[] bits = purchases.file(Purchases.SQL_SERVER_2022_STANDARD, "2022", "de-DE", "x64", "SQLServer2022-x64-DEU.iso", 4096);
        Map<String, Object> choice = Purchases.choice("2022", "de-DE", "x64");
        String keys = purchases.softwareOf(tenant) + "/" + software + "/keys";
        assertThat(send("POST", keys, agent, choice).status()).isEqualTo(200);
        Answer link = send("POST", purchases.softwareOf(tenant) + "/" + software + "/downloadlinks", agent, choice);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String uri = (String) link.json().get("uri");
        assertThat(purchases.fetch("GET", uri).body()).isEqualTo(bits);

        assertThat(shop.cancel(agent, tenant, orderId).status()).isEqualTo(200);

        Answer key = send("POST", keys, agent, choice);
        assertThat(key.status()).as(key.toString()).isEqualTo(410);
        assertThat(key.problemCode()).isEqualTo("software_revoked");
        Answer newLink = send("POST", purchases.softwareOf(tenant) + "/" + software + "/downloadlinks", agent, choice);
        assertThat(newLink.status()).isEqualTo(410);
        Purchases.Download download = purchases.fetch("GET", uri);
        assertThat(download.status()).as(download.toString()).isEqualTo(410);
        assertThat(download.header("Content-Type")).startsWith("application/problem+json");
        Map<String, Object> listed = purchases.item(send("GET", purchases.softwareOf(tenant), agent, null),
                Purchases.SQL_SERVER_2022_STANDARD);
        assertThat(listed).containsEntry("status", "cancelled").containsEntry("keyAvailable", false)
                .containsEntry("orderId", orderId);
    }

    @Test
    void aPartialCancellationLeavesTheOrderCompletedUntilItsLastLineIsCancelled() {
        String tenant = shop.createCustomer(agent, "Partial GmbH", "DE");
        String offer = shop.offer(agent, WS2022_STANDARD, "0001", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, offer, 1), Shop.line(1, offer, 3));
        String orderId = (String) order.get("id");
        Map<String, Object> secondLine = Shop.lines(order).get(1);

        Answer first = shop.cancel(agent, tenant, orderId, 1);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).containsEntry("status", "completed");
        assertThat(Shop.lines(first.json()).get(0)).containsEntry("quantity", 1).containsEntry("status", "active");
        assertThat(Shop.lines(first.json()).get(1)).containsEntry("quantity", 0).containsEntry("status", "cancelled");
        assertThat(first.json().get("creditTotal")).isEqualTo(Map.of("net", secondLine.get("net"), "tax", secondLine.get("tax"),
                "gross", secondLine.get("gross")));

        Map<String, Object> preview = send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", agent, null).json();
        assertThat(preview).containsEntry("cancellable", true);
        assertThat(Shop.lines(preview).get(1)).containsEntry("cancellable", false).containsEntry("reason", "already_cancelled");
        Answer twice = shop.cancel(agent, tenant, orderId, 1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("already_cancelled");
        assertThat(twice.json().get("errors").toString()).contains("field=lineItems[0].lineItemNumber");

        Answer rest = shop.cancel(agent, tenant, orderId);
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(rest.json()).containsEntry("status", "cancelled");
        Map<String, Object> firstLine = Shop.lines(order).get(0);
        assertThat(rest.json().get("creditTotal")).as("only the line still active").isEqualTo(Map.of("net", firstLine.get("net"),
                "tax", firstLine.get("tax"), "gross", firstLine.get("gross")));
    }

    @Test
    void aSuseOrRedHatPlanIsNeverCancellable() {
        String tenant = shop.createCustomer(agent, "Penguin GmbH", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, SUSE_PLAN, "0001", "DE"), 1));
        String orderId = (String) order.get("id");

        Map<String, Object> preview = send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", agent, null).json();
        assertThat(preview).containsEntry("cancellable", false).containsEntry("reason", "not_cancellable")
                .containsEntry("windowEndsAt", null).containsEntry("daysRemaining", 0);
        assertThat(Shop.map(preview.get("totalCredit")).get("gross")).isEqualTo(Map.of("amount", "0.00", "currency", "EUR"));

        Answer refused = shop.cancel(agent, tenant, orderId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("not_cancellable");
        assertThat((String) refused.json().get("detail")).contains("SUSE");
        Answer german = shop.cancel(agent, tenant, orderId, "Accept-Language", "de");
        assertThat((String) german.json().get("title")).isEqualTo("Nicht stornierbar");
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json()).isEqualTo(order);
    }

    @Test
    void partnerCentersPatchCancelsWithoutAnAcknowledgedFieldAsItsClientsSendIt() {
        String tenant = shop.createCustomer(agent, "Partner Center GmbH", "DE");
        String offer = shop.offer(agent, WS2022_STANDARD, "0001", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, offer, 1), Shop.line(1, offer, 2));
        String orderId = (String) order.get("id");
        String path = Shop.ordersOf(tenant) + "/" + orderId;

        // Microsoft Learn, "Cancel software purchases": the order's id, its status and the lines to cancel.
        Map<String, Object> learn = Map.of("id", orderId, "status", "cancelled",
                "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", offer)));
        Answer first = send("PATCH", path, agent, learn, "MS-RequestId", UUID.randomUUID().toString(),
                "MS-CorrelationId", UUID.randomUUID().toString());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).containsEntry("status", "completed").containsEntry("currencyCode", "EUR")
                .containsEntry("totalPrice", order.get("totalPrice"));
        assertThat(Shop.lines(first.json()).get(0)).containsEntry("quantity", 0).containsEntry("status", "cancelled")
                .containsEntry("pricing", Shop.lines(order).get(0).get("pricing")).containsEntry("subscriptionId", null);
        assertThat(Shop.lines(first.json()).get(1)).containsEntry("quantity", 2).containsEntry("status", "active");

        // A Partner Center client's other way: read the order, set its status, keep the lines to cancel and send it
        // all back, every field it read included (prices, quantities, links, the desk's own totals).
        Map<String, Object> read = send("GET", path, agent, null).json();
        Map<String, Object> roundTrip = new LinkedHashMap<>(read);
        roundTrip.put("status", "cancelled");
        roundTrip.put("lineItems", List.of(Shop.lines(read).get(1)));
        Answer second = send("PATCH", path, agent, roundTrip);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json()).containsEntry("status", "cancelled");
        assertThat(Shop.lines(second.json())).allSatisfy(line -> assertThat(line).containsEntry("quantity", 0));
        Map<String, Object> secondLine = Shop.lines(order).get(1);
        assertThat(second.json().get("creditTotal")).isEqualTo(Map.of("net", secondLine.get("net"), "tax", secondLine.get("tax"),
                "gross", secondLine.get("gross")));
        Map<String, Object> withoutCredit = new LinkedHashMap<>(second.json());
        withoutCredit.remove("creditTotal");
        assertThat(withoutCredit).isEqualTo(send("GET", path, agent, null).json());
    }

    @Test
    void anApiCallerThatSaysItHasNotAcknowledgedIsRefusedAndNothingChanges() {
        String tenant = shop.createCustomer(agent, "Declined GmbH", "DE");
        String offer = shop.offer(agent, WS2022_STANDARD, "0001", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, offer, 1));
        String path = Shop.ordersOf(tenant) + "/" + order.get("id");

        Map<String, Object> declined = new LinkedHashMap<>();
        declined.put("id", order.get("id"));
        declined.put("status", "cancelled");
        declined.put("acknowledged", false);
        declined.put("lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", offer)));
        Answer refused = send("PATCH", path, agent, declined, "Accept-Language", "de");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("acknowledgement_required");
        assertThat(refused.json().get("errors").toString()).contains("field=acknowledged");
        assertThat((String) refused.json().get("title")).isEqualTo("Bestätigung erforderlich");
        assertThat(send("GET", path, agent, null).json()).isEqualTo(order);

        // The desk's own field said true is as good as leaving it out.
        declined.put("acknowledged", true);
        assertThat(send("PATCH", path, agent, declined).json()).containsEntry("status", "cancelled");
    }

    @Test
    void theDashboardsCancelDialogStillNeedsItsTick() {
        String tenant = shop.createCustomer(agent, "Checkbox GmbH", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1));
        String orderId = (String) order.get("id");
        String session = sessionOf(dashboardSignIn("admin.agent@partner.demo", DEMO_PASSWORD));
        String dialog = UiUrls.CUSTOMERS + "/" + tenant + "/cancel";

        Answer unticked = dashboardForm(dialog, session, "orderId=" + orderId);
        assertThat(unticked.status()).as(unticked.toString()).isEqualTo(400);
        assertThat(unticked.body()).contains("Tick the box to confirm that you have read the Important message.");
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json()).isEqualTo(order);

        Answer ticked = dashboardForm(dialog, session, "orderId=" + orderId + "&acknowledged=true");
        assertThat(ticked.status()).as(ticked.toString()).isEqualTo(200);
        assertThat(ticked.body()).contains("data-confirmation");
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json()).containsEntry("status", "cancelled");
    }

    /** A form of the dashboard posted as the browser posts it: the session cookie, the CSRF seed and its token. */
    private Answer dashboardForm(String path, String session, String form) {
        return send("POST", path, null, form, "Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", SessionCookie.NAME + "=" + session + "; " + UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED,
                UiCsrf.HEADER, UiCsrf.token(DASHBOARD_CSRF_SEED, session));
    }

    @Test
    void badRequestsAreRefusedWithTheField() {
        String tenant = shop.createCustomer(agent, "Careful GmbH", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1));
        String path = Shop.ordersOf(tenant) + "/" + order.get("id");

        Answer noStatus = send("PATCH", path, agent, Map.of("acknowledged", true));
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.problemCode()).isEqualTo("status_invalid");
        assertThat(noStatus.json().get("errors").toString()).contains("field=status");
        Answer completed = send("PATCH", path, agent, Map.of("status", "completed", "acknowledged", true));
        assertThat(completed.problemCode()).isEqualTo("status_invalid");

        Answer notAcknowledged = send("PATCH", path, agent, Map.of("status", "cancelled", "acknowledged", false));
        assertThat(notAcknowledged.status()).isEqualTo(400);
        assertThat(notAcknowledged.problemCode()).isEqualTo("acknowledgement_required");
        assertThat(notAcknowledged.json().get("errors").toString()).contains("field=acknowledged");

        Answer unknownLine = send("PATCH", path, agent, Map.of("status", "cancelled", "acknowledged", true,
                "lineItems", List.of(Map.of("lineItemNumber", 0), Map.of("lineItemNumber", 7))));
        assertThat(unknownLine.status()).isEqualTo(400);
        assertThat(unknownLine.problemCode()).isEqualTo("unknown_line_item");
        assertThat(unknownLine.json().get("errors").toString()).contains("field=lineItems[1].lineItemNumber");
        assertThat((String) unknownLine.json().get("detail")).contains("7");

        Answer duplicate = send("PATCH", path, agent, Map.of("status", "cancelled", "acknowledged", true,
                "lineItems", List.of(Map.of("lineItemNumber", 0), Map.of("lineItemNumber", 0))));
        assertThat(duplicate.problemCode()).isEqualTo("line_item_number_duplicate");
        Answer negative = send("PATCH", path, agent, Map.of("status", "cancelled", "acknowledged", true,
                "lineItems", List.of(Map.of("lineItemNumber", -1))));
        assertThat(negative.problemCode()).isEqualTo("validation_failed");
        assertThat(send("PATCH", path, agent, "{\"status\": ").problemCode()).isEqualTo("malformed_request");

        Answer noOrder = shop.cancel(agent, tenant, UUID.randomUUID().toString());
        assertThat(noOrder.status()).isEqualTo(404);
        assertThat(noOrder.problemCode()).isEqualTo("order_not_found");
        Answer noCustomer = shop.cancel(agent, UUID.randomUUID().toString(), (String) order.get("id"));
        assertThat(noCustomer.status()).isEqualTo(404);
        assertThat(noCustomer.problemCode()).as("as GET of the order answers").isIn("customer_not_found", "order_not_found");
        Answer noDomain = shop.cancel(agent, "nobody.example", (String) order.get("id"));
        assertThat(noDomain.status()).isEqualTo(404);
        assertThat(noDomain.problemCode()).isEqualTo("customer_not_found");
        Answer noPreview = send("GET", Shop.ordersOf(tenant) + "/" + UUID.randomUUID() + "/cancellation", agent, null);
        assertThat(noPreview.status()).isEqualTo(404);
        assertThat(noPreview.problemCode()).isEqualTo("order_not_found");

        // Nothing of the above changed the order.
        assertThat(send("GET", path, agent, null).json()).isEqualTo(order);
    }

    @Test
    void onlyAdminAgentsCancelAndACustomersAdminPreviewsItsOwnOrdersOnly() {
        String tenant = shop.createCustomer(agent, "Roles GmbH", "DE");
        String other = shop.createCustomer(agent, "Other GmbH", "DE");
        String offer = shop.offer(agent, WS2022_STANDARD, "0001", "DE");
        String orderId = (String) shop.order(agent, tenant, Shop.line(0, offer, 1)).get("id");
        String otherOrder = (String) shop.order(agent, other, Shop.line(0, offer, 1)).get("id");
        String customerAdmin = purchases.customerAdmin("it.admin@roles-gmbh.example", tenant);

        for (String token : List.of(loginDemo("sales.agent@partner.demo"), loginDemo("global.admin@partner.demo"),
                loginDemo("account.admin@partner.demo"), customerAdmin)) {
            Answer answer = shop.cancel(token, tenant, orderId);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.problemCode()).isEqualTo("forbidden");
        }
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", customerAdmin, null).status())
                .isEqualTo(200);
        Answer foreign = send("GET", Shop.ordersOf(other) + "/" + otherOrder + "/cancellation", customerAdmin, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Other GmbH", "lineItems");
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + otherOrder + "/cancellation", customerAdmin, null).status())
                .isEqualTo(404);
        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId + "/cancellation", loginDemo("account.admin@partner.demo"),
                null).status()).isEqualTo(403);
        assertThat(send("PATCH", Shop.ordersOf(tenant) + "/" + orderId, null, Shop.cancellation()).status()).isEqualTo(401);

        assertThat(send("GET", Shop.ordersOf(tenant) + "/" + orderId, agent, null).json()).containsEntry("status", "completed");
    }

    @Test
    void aRetryWithTheSameRequestIdGetsTheSameAnswerAndAnotherBodyIsAConflict() {
        String tenant = shop.createCustomer(agent, "Retry GmbH", "DE");
        String orderId = (String) shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1))
                .get("id");
        String path = Shop.ordersOf(tenant) + "/" + orderId;

        Answer first = send("PATCH", path, agent, Shop.cancellation(), "MS-RequestId", "cancel-retry-1");
        Answer retry = send("PATCH", path, agent, Shop.cancellation(), "MS-RequestId", "cancel-retry-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        Map<String, Object> other = new HashMap<>(Shop.cancellation());
        other.put("lineItems", List.of(Map.of("lineItemNumber", 0)));
        Answer reused = send("PATCH", path, agent, other, "MS-RequestId", "cancel-retry-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("idempotency_key_reused");
        Answer fresh = send("PATCH", path, agent, Shop.cancellation(), "MS-RequestId", "cancel-retry-2");
        assertThat(fresh.problemCode()).isEqualTo("already_cancelled");
    }

    @Test
    void concurrentCancellationsOfOneOrderCancelAndCreditItOnce() throws Exception {
        String tenant = shop.createCustomer(agent, "Race GmbH", "DE");
        String offer = shop.offer(agent, WS2022_STANDARD, "0001", "DE");
        String orderId = (String) shop.order(agent, tenant, Shop.line(0, offer, 1), Shop.line(1, offer, 2)).get("id");
        String twinOrder = (String) shop.order(agent, tenant, Shop.line(0, offer, 1)).get("id");

        List<Answer> answers = concurrently(8, i -> shop.cancel(agent, tenant, orderId, "MS-RequestId", "race-" + i));
        assertThat(answers.stream().filter(a -> a.status() == 200).count()).as(answers.toString()).isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.status() != 200).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(409);
            assertThat(a.problemCode()).isEqualTo("already_cancelled");
        });

        List<Answer> twins = concurrently(8, i -> shop.cancel(agent, tenant, twinOrder, "MS-RequestId", "race-twin"));
        assertThat(twins).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        assertThat(twins).extracting(Answer::body).containsOnly(twins.get(0).body());

        String globalAdmin = loginDemo("global.admin@partner.demo");
        String filter = URLEncoder.encode("{\"field\":\"OperationKind\",\"value\":\"issue_credit\",\"operator\":\"equals\"}",
                StandardCharsets.UTF_8);
        Answer credits = send("GET", "/v1/auditrecords?size=500&filter=" + filter, globalAdmin, null);
        assertThat(credits.status()).as(credits.toString()).isEqualTo(200);
        List<Map<String, Object>> ofThisCustomer = Shop.items(credits).stream()
                .filter(record -> tenant.equals(record.get("customerId"))).toList();
        assertThat(ofThisCustomer).as("one credit per cancelled line: two lines of the first order, one of the twin")
                .hasSize(3);
        Map<String, Long> perOrder = new HashMap<>();
        for (Map<String, Object> record : ofThisCustomer) {
            String data = record.get("customizedData").toString();
            perOrder.merge(data.contains(orderId) ? orderId : twinOrder, 1L, Long::sum);
        }
        assertThat(perOrder).containsEntry(orderId, 2L).containsEntry(twinOrder, 1L);
    }

    private static List<Answer> concurrently(int count, java.util.function.IntFunction<Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Buying, previewing, cancelling and moving the sandbox clock, for the cancellation and invoicing tests. */
    static final class Shop {

        private static final AtomicInteger DOMAINS = new AtomicInteger();

        private final EndToEnd test;
        private final Map<String, String> domains = new HashMap<>();

        Shop(EndToEnd test) {
            this.test = test;
        }

        String createCustomer(String agent, String name, String country) {
            String domain = "cancel-" + DOMAINS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
            Answer created = test.send("POST", "/v1/customers", agent, Map.of(
                    "companyProfile", Map.of("companyName", name, "domain", domain), "billingProfile", Map.of("country", country)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String tenant = (String) created.json().get("id");
            domains.put(tenant, domain);
            return tenant;
        }

        String domainOf(String tenant) {
            return domains.get(tenant);
        }

        /** The catalogItemId of the SKU's first availability in the country. */
        String offer(String agent, String productId, String skuId, String country) {
            Answer availabilities = test.send("GET", "/v1/products/" + productId + "/skus/" + skuId + "/availabilities?country="
                    + country, agent, null);
            return (String) items(availabilities).get(0).get("catalogItemId");
        }

        /** The list price of the SKU's first availability in the country. */
        BigDecimal listPrice(String agent, String productId, String skuId, String country) {
            Answer availabilities = test.send("GET", "/v1/products/" + productId + "/skus/" + skuId + "/availabilities?country="
                    + country, agent, null);
            return new BigDecimal((String) map(items(availabilities).get(0).get("listPrice")).get("amount"));
        }

        @SafeVarargs
        final Map<String, Object> order(String agent, String tenant, Map<String, Object>... lines) {
            Answer placed = test.send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems", List.of(lines)));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            return placed.json();
        }

        Answer cancel(String token, String tenant, String orderId, String... headers) {
            return test.send("PATCH", ordersOf(tenant) + "/" + orderId, token, cancellation(), headers);
        }

        Answer cancel(String token, String tenant, String orderId, int lineItemNumber) {
            Map<String, Object> body = new HashMap<>(cancellation());
            body.put("lineItems", List.of(Map.of("lineItemNumber", lineItemNumber)));
            return test.send("PATCH", ordersOf(tenant) + "/" + orderId, token, body);
        }

        Map<String, Object> preview(String token, String tenant, String orderId) {
            Answer answer = test.send("GET", ordersOf(tenant) + "/" + orderId + "/cancellation", token, null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return answer.json();
        }

        /** Moves the sandbox clock to that instant (forward only). */
        Instant clockTo(String token, Instant now) {
            Answer moved = test.send("PUT", "/v1/test/clock", token, Map.of("now", now.toString()));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            return Instant.parse((String) moved.json().get("now"));
        }

        Instant now(String token) {
            return Instant.parse((String) test.send("GET", "/v1/test/clock", token, null).json().get("now"));
        }

        /** Partner Center's body for the whole order ("Cancel software purchases"): its status, nothing else. */
        static Map<String, Object> cancellation() {
            return Map.of("status", "cancelled");
        }

        /** A line; an Azure reservation's (issue #16) carries a provisioning context, as Partner Center requires. */
        static Map<String, Object> line(int number, String offerId, int quantity) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineItemNumber", number);
            line.put("offerId", offerId);
            line.put("quantity", quantity);
            if (RESERVATION_PRODUCTS.contains(offerId.split(":")[0])) {
                line.put("provisioningContext", Map.of("subscriptionId", AZURE_SUBSCRIPTION, "scope", "shared"));
            }
            return line;
        }

        /** The seed's Azure reservations (VM D2s v5, VM D4s v5, SQL Database) and the customers' Azure subscription. */
        static final java.util.Set<String> RESERVATION_PRODUCTS = java.util.Set.of("DG7GMGF01Z2K", "DG7GMGF0JN30", "DG7GMGF0U5Y1");
        static final String AZURE_SUBSCRIPTION = "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70";

        static String ordersOf(String customer) {
            return "/v1/customers/" + customer + "/orders";
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object value) {
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> lines(Map<String, Object> orderOrPreview) {
            return (List<Map<String, Object>>) orderOrPreview.get("lineItems");
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> items(Answer answer) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return (List<Map<String, Object>>) answer.json().get("items");
        }
    }
}
