package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import com.cspdesk.bootstrap.e2e.SoftwareEndToEndTest.Purchases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16 "Subscriptions with a term", end to end on one sandbox timeline (the clock only moves
 * forward, and stands still unless moved): Windows Server 2022 Standard subscriptions (P1Y) bought on
 * day 0; read, refused and one cancelled in its first term on day 0; auto-renew switched off for one;
 * on the anniversary the clock move itself renews the others (the sandbox runs the renewal job right
 * after a move: no waiting) and expires the one without auto-renew, whose key is gone (410); on day 10
 * of the new term a renewal is cancelled for its prorated remainder; on day 61 cancelling a renewal is
 * refused.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsEndToEndTest extends EndToEnd {

    static final String WS2022_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";

    private final Shop shop = new Shop(this);
    private String agent;
    private String globalAdmin;
    private String tenant;
    private String otherTenant;
    private Instant purchased;
    /** Renews, then its renewal is cancelled too late (day 61). */
    private String renewing;
    /** Auto-renew switched off: expires on the anniversary. */
    private String expiring;
    /** Renews, then its renewal is cancelled on day 10. */
    private String cancelledOnDay10;
    /** Cancelled in its first term: the order line is cancelled. */
    private String cancelledInTerm1;
    private String otherTenantsSubscription;
    private String orderId;
    private BigDecimal day10CreditGross;

    @Override
    boolean clockStandsStill() {
        return true;
    }

    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @BeforeAll
    void buyOnDayZero() {
        agent = loginDemo("admin.agent@partner.demo");
        globalAdmin = loginDemo("global.admin@partner.demo");
        tenant = shop.createCustomer(agent, "Abo GmbH", "DE");
        otherTenant = shop.createCustomer(agent, "Andere GmbH", "DE");
        String offer = shop.offer(agent, WS2022_STANDARD_SUBSCRIPTION, "0001", "DE");
        Map<String, Object> order = shop.order(agent, tenant, Shop.line(0, offer, 2), Shop.line(1, offer, 1),
                Shop.line(2, offer, 1));
        Map<String, Object> firstTerm = shop.order(agent, tenant, Shop.line(0, offer, 1));
        shop.order(agent, otherTenant, Shop.line(0, offer, 1));
        purchased = Instant.parse((String) order.get("creationDate"));
        orderId = (String) order.get("id");
        List<Map<String, Object>> mine = subscriptions(agent, tenant);
        renewing = subscriptionOf(mine, (String) order.get("id"), 0);
        expiring = subscriptionOf(mine, (String) order.get("id"), 1);
        cancelledOnDay10 = subscriptionOf(mine, (String) order.get("id"), 2);
        cancelledInTerm1 = subscriptionOf(mine, (String) firstTerm.get("id"), 0);
        otherTenantsSubscription = (String) subscriptions(agent, otherTenant).get(0).get("id");
    }

    @Test
    @Order(1)
    void anOrderedServerSubscriptionIsASubscriptionWithAOneYearTermAndAutoRenewOn() {
        Map<String, Object> subscription = get(agent, renewing).json();

        assertThat(subscription).containsEntry("offerId", shop.offer(agent, WS2022_STANDARD_SUBSCRIPTION, "0001", "DE"))
                .containsEntry("quantity", 2).containsEntry("status", "active").containsEntry("autoRenewEnabled", true)
                .containsEntry("termDuration", "P1Y").containsEntry("termNumber", 1).containsEntry("billingCycle", "one_time")
                .containsEntry("lineItemNumber", 0);
        assertThat(Instant.parse((String) subscription.get("creationDate"))).isEqualTo(purchased);
        assertThat(Instant.parse((String) subscription.get("effectiveStartDate"))).isEqualTo(purchased);
        assertThat(Instant.parse((String) subscription.get("commitmentEndDate"))).isEqualTo(anniversary());
        assertThat(Shop.map(subscription.get("renewalCancellation"))).containsEntry("cancellable", false)
                .containsEntry("reason", "not_renewed");
        assertThat(Shop.map(Shop.map(subscription.get("links")).get("self")).get("uri"))
                .isEqualTo(subscriptionsOf(tenant) + "/" + renewing);
        Answer page = send("GET", subscriptionsOf(tenant) + "?size=2", agent, null);
        assertThat(page.json()).containsEntry("totalCount", 4);
        assertThat(Shop.items(page)).hasSize(2);
        String next = (String) Shop.map(Shop.map(page.json().get("links")).get("next")).get("uri");
        assertThat(Shop.items(send("GET", "/v1/" + next, agent, null))).hasSize(2);
    }

    @Test
    @Order(2)
    void readingIsAsOrdersAndAnotherTenantsSubscriptionIsNotFound() {
        String sales = loginDemo("sales.agent@partner.demo");
        assertThat(get(sales, renewing).status()).isEqualTo(200);
        String customerAdmin = customerAdmin("abo.admin@abo.example", tenant);
        assertThat(get(customerAdmin, renewing).status()).isEqualTo(200);
        Answer foreign = send("GET", subscriptionsOf(otherTenant) + "/" + otherTenantsSubscription, customerAdmin, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemCode()).isEqualTo("customer_not_found");
        Answer elsewhere = send("GET", subscriptionsOf(tenant) + "/" + otherTenantsSubscription, agent, null);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.problemCode()).isEqualTo("subscription_not_found");
        assertThat(send("GET", subscriptionsOf(tenant), loginDemo("account.admin@partner.demo"), null).status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void changesAreRefusedWith403404And400NamingTheField() {
        String sales = loginDemo("sales.agent@partner.demo");
        assertThat(patch(sales, renewing, Map.of("autoRenewEnabled", false)).status()).isEqualTo(403);
        String customerAdmin = customerAdmin("abo.admin2@abo.example", tenant);
        assertThat(patch(customerAdmin, renewing, Map.of("autoRenewEnabled", false)).status()).isEqualTo(403);
        // A global admin manages subscriptions but may not cancel purchases.
        assertThat(patch(globalAdmin, renewing, Map.of("status", "cancelled")).status()).isEqualTo(403);
        Answer missing = patch(agent, "no-such-subscription", Map.of("autoRenewEnabled", false));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemCode()).isEqualTo("subscription_not_found");
        assertThat(send("PATCH", subscriptionsOf(otherTenant) + "/" + renewing, agent, Map.of("autoRenewEnabled", false))
                .problemCode()).isEqualTo("subscription_not_found");

        assertBadField(patch(agent, renewing, Map.of("autoRenew", false)), "field_unknown", "autoRenew");
        assertBadField(patch(agent, renewing, Map.of("autoRenewEnabled", "no")), "malformed_request", "autoRenewEnabled");
        assertBadField(patch(agent, renewing, Map.of("status", "suspended")), "subscription_status_invalid", "status");
        assertBadField(patch(agent, renewing, Map.of("status", "cancelled", "autoRenewEnabled", false)),
                "one_change_at_a_time", "status");
        assertBadField(patch(agent, renewing, Map.of()), "subscription_change_missing", "autoRenewEnabled");
        Answer german = patch(agent, renewing, Map.of("autoRenew", false), "Accept-Language", "de");
        assertThat((String) german.json().get("title")).isEqualTo("Unbekanntes Feld");
        // Partner Center's Subscription sent back as read changes only what differs.
        Map<String, Object> asRead = new HashMap<>(get(agent, renewing).json());
        Answer unchanged = patch(agent, renewing, asRead);
        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
        assertThat(unchanged.json()).containsEntry("autoRenewEnabled", true).containsEntry("status", "active");
    }

    @Test
    @Order(4)
    void cancellingInTheFirstTermIsCancellingThePurchase() {
        Answer cancelled = patch(agent, cancelledInTerm1, Map.of("status", "deleted"));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "cancelled");
        Map<String, Object> order = send("GET", Shop.ordersOf(tenant) + "/" + cancelled.json().get("orderId"), agent, null).json();
        assertThat(order).containsEntry("status", "cancelled");
        assertThat(Shop.lines(order).get(0)).containsEntry("status", "cancelled");
        Answer again = patch(agent, cancelledInTerm1, Map.of("status", "cancelled"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("subscription_cancelled");
    }

    @Test
    @Order(5)
    void autoRenewIsSwitchedOffByAnAdminAgent() {
        Answer off = patch(agent, expiring, Map.of("autoRenewEnabled", false), "MS-RequestId", "auto-renew-off-1");

        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json()).containsEntry("autoRenewEnabled", false).containsEntry("status", "active");
        assertThat(get(agent, expiring).json()).containsEntry("autoRenewEnabled", false);
        Answer retried = patch(agent, expiring, Map.of("autoRenewEnabled", false), "MS-RequestId", "auto-renew-off-1");
        assertThat(retried.body()).isEqualTo(off.body());
        assertThat(operations(tenant)).contains("update_subscription");
    }

    @Test
    @Order(6)
    void onTheAnniversaryTheClockMoveRenewsWithAutoRenewAndExpiresWithout() {
        String keys = "/v1/customers/" + tenant + "/software/" + softwareOf(tenant, renewing) + "/keys";
        String expiredKeys = "/v1/customers/" + tenant + "/software/" + softwareOf(tenant, expiring) + "/keys";
        Map<String, Object> choice = Purchases.choice("2022", "de-DE", "x64");
        assertThat(send("POST", keys, agent, choice).status()).isEqualTo(200);
        assertThat(send("POST", expiredKeys, agent, choice).status()).isEqualTo(200);

        shop.clockTo(agent, anniversary());

        Map<String, Object> renewed = get(agent, renewing).json();
        assertThat(renewed).containsEntry("status", "active").containsEntry("termNumber", 2)
                .containsEntry("autoRenewEnabled", true);
        assertThat(Instant.parse((String) renewed.get("effectiveStartDate"))).isEqualTo(anniversary());
        assertThat(Instant.parse((String) renewed.get("commitmentEndDate"))).isEqualTo(anniversary(2));
        assertThat(Shop.map(renewed.get("renewalCancellation"))).containsEntry("cancellable", true);
        Map<String, Object> expired = get(agent, expiring).json();
        assertThat(expired).containsEntry("status", "expired").containsEntry("termNumber", 1);
        assertThat(send("GET", Shop.ordersOf(tenant), agent, null).status()).isEqualTo(200);
        List<String> operations = operations(tenant);
        assertThat(operations.stream().filter("renew_subscription"::equals)).hasSize(2);
        assertThat(operations.stream().filter("expire_subscription"::equals)).hasSize(1);
        // The renewal keeps keys and downloads.
        Answer key = send("POST", keys, agent, choice);
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        // The expired line's key is gone, as after a cancellation.
        Answer gone = send("POST", expiredKeys, agent, choice);
        assertThat(gone.status()).as(gone.toString()).isEqualTo(410);
        assertThat(gone.problemCode()).isEqualTo("software_revoked");
        Answer refused = patch(agent, expiring, Map.of("autoRenewEnabled", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("subscription_expired");
        // Moving the clock again renews nothing twice.
        shop.clockTo(agent, anniversary().plusSeconds(1));
        assertThat(operations(tenant).stream().filter("renew_subscription"::equals)).hasSize(2);
    }

    @Test
    @Order(8)
    void aRenewalCancelledOnDay10IsCreditedItsRemainingDays() {
        shop.clockTo(agent, anniversary().plus(Duration.ofDays(10)));
        Map<String, Object> before = get(agent, cancelledOnDay10).json();
        Map<String, Object> charge = Shop.map(before.get("chargePerTerm"));
        LocalDate start = LocalDate.ofInstant(anniversary(), ZoneOffset.UTC);
        long termDays = ChronoUnit.DAYS.between(start, start.plusYears(1));
        BigDecimal creditGross = prorated(charge.get("gross"), termDays - 10, termDays);
        BigDecimal creditTax = prorated(charge.get("tax"), termDays - 10, termDays);
        Map<String, Object> expected = Map.of("net", money(creditGross.subtract(creditTax)), "tax", money(creditTax),
                "gross", money(creditGross));
        Map<String, Object> offered = Shop.map(before.get("renewalCancellation"));
        assertThat(offered).containsEntry("cancellable", true).containsEntry("daysRemaining", 50);
        assertThat(offered.get("credit")).isEqualTo(expected);

        day10CreditGross = creditGross;
        Answer cancelled = patch(agent, cancelledOnDay10, Map.of("status", "cancelled"));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "cancelled").containsEntry("termNumber", 2);
        List<Map<String, Object>> records = records(tenant);
        assertThat(records).anySatisfy(record -> {
            assertThat(record).containsEntry("operationKind", "issue_credit");
            assertThat(record.get("customizedData").toString()).contains("{key=gross, value=" + creditGross.toPlainString() + "}",
                    "{key=subscriptionId, value=" + cancelledOnDay10 + "}");
        });
        assertThat(records).extracting(r -> r.get("operationKind")).contains("cancel_subscription_renewal");
        Answer again = patch(agent, cancelledOnDay10, Map.of("status", "cancelled"));
        assertThat(again.problemCode()).isEqualTo("subscription_cancelled");
    }

    @Test
    @Order(9)
    void onDay61CancellingTheRenewalIsRefused() {
        shop.clockTo(agent, anniversary().plus(Duration.ofDays(61)));

        Answer refused = patch(agent, renewing, Map.of("status", "cancelled"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("renewal_cancellation_window_passed");
        assertThat((String) refused.json().get("detail")).contains(anniversary().plus(Duration.ofDays(60)).toString());
        assertThat(get(agent, renewing).json()).containsEntry("status", "active");
        Answer hungarian = patch(agent, renewing, Map.of("status", "cancelled"), "Accept-Language", "hu");
        assertThat((String) hungarian.json().get("title")).isEqualTo("A megújítás lemondási időszaka lejárt");
    }

    @Test
    @Order(10)
    void theRenewalsAndTheRenewalsCreditAreOnTheAnniversarysMonthlyInvoice() {
        YearMonth month = YearMonth.from(anniversary().atOffset(ZoneOffset.UTC));
        Map<String, Object> run = invoiceRunToItsEnd(loginDemo("account.admin@partner.demo"), month);
        assertThat(run).as(run.toString()).containsEntry("status", "completed");

        List<Map<String, Object>> lines = Shop.items(send("GET", "/v1/invoices/INV-" + month + "-EUR/lineitems?size=500", agent,
                null)).stream().filter(line -> orderId.equals(line.get("orderId"))).toList();

        Map<String, Object> charge = Shop.map(get(agent, renewing).json().get("chargePerTerm"));
        assertThat(lines).filteredOn(line -> "charge".equals(line.get("kind"))
                        && anniversary().equals(Instant.parse((String) line.get("occurredAt"))))
                .extracting(line -> ((Number) line.get("lineItemNumber")).intValue())
                .containsExactlyInAnyOrder(0, 2);
        assertThat(lines).filteredOn(line -> "charge".equals(line.get("kind")) && Integer.valueOf(0).equals(line.get("lineItemNumber"))
                        && anniversary().equals(Instant.parse((String) line.get("occurredAt"))))
                .extracting(line -> line.get("gross")).containsExactly(charge.get("gross"));
        assertThat(lines).filteredOn(line -> "credit".equals(line.get("kind")))
                .extracting(line -> (String) Shop.map(line.get("gross")).get("amount"))
                .containsExactly(day10CreditGross.negate().toPlainString());
    }

    private Instant anniversary() {
        return anniversary(1);
    }

    private Instant anniversary(int years) {
        return purchased.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    /** The software of a subscription's order line (its keys and links). */
    private String softwareOf(String customer, String subscription) {
        Map<String, Object> read = send("GET", subscriptionsOf(customer) + "/" + subscription, agent, null).json();
        return (String) Shop.items(send("GET", "/v1/customers/" + customer + "/software", agent, null)).stream()
                .filter(item -> read.get("orderId").equals(item.get("orderId"))
                        && read.get("lineItemNumber").equals(item.get("lineItemNumber")))
                .findFirst().orElseThrow().get("id");
    }

    private Answer get(String token, String subscription) {
        return send("GET", subscriptionsOf(tenant) + "/" + subscription, token, null);
    }

    private Answer patch(String token, String subscription, Map<String, Object> body, String... headers) {
        return send("PATCH", subscriptionsOf(tenant) + "/" + subscription, token, body, headers);
    }

    private List<Map<String, Object>> subscriptions(String token, String customer) {
        return Shop.items(send("GET", subscriptionsOf(customer), token, null));
    }

    private static String subscriptionOf(List<Map<String, Object>> subscriptions, String orderId, int line) {
        return (String) subscriptions.stream().filter(s -> orderId.equals(s.get("orderId"))
                && Integer.valueOf(line).equals(s.get("lineItemNumber"))).findFirst().orElseThrow().get("id");
    }

    private List<Map<String, Object>> records(String customer) {
        String filter = URLEncoder.encode("{\"field\":\"CustomerId\",\"value\":\"" + customer + "\",\"operator\":\"equals\"}",
                StandardCharsets.UTF_8);
        Instant now = shop.now(agent);
        return Shop.items(send("GET", "/v1/auditrecords?size=500&startDate=" + now.minus(Duration.ofDays(30)) + "&endDate="
                + now.plusSeconds(60) + "&filter=" + filter, globalAdmin, null));
    }

    private List<String> operations(String customer) {
        return records(customer).stream().map(r -> (String) r.get("operationKind")).toList();
    }

    private String customerAdmin(String username, String tenantId) {
        String password = "Tenant-Admin-Passw0rd!";
        Answer created = send("POST", "/v1/users", login(ADMIN, ADMIN_PASSWORD), Map.of("username", username,
                "password", password, "roles", List.of("CUSTOMER_GLOBAL_ADMIN"), "customerTenantId", tenantId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login(username, password);
    }

    private static void assertBadField(Answer answer, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().get("errors").toString()).contains("field=" + field);
    }

    static String subscriptionsOf(String customer) {
        return "/v1/customers/" + customer + "/subscriptions";
    }

    private static BigDecimal prorated(Object money, long remaining, long termDays) {
        return new BigDecimal((String) Shop.map(money).get("amount")).multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(termDays), 2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> money(BigDecimal amount) {
        return Map.of("amount", amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), "currency", "EUR");
    }
}
