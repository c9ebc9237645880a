package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16 items 2 and 3 end to end: an Azure reservation placed with its provisioning context (Partner
 * Center's keys), read back on the order, its scope changed after purchase (recorded in the activity log),
 * and every refusal — another role 403, another customer's order 404, a bad context 400 naming the field in the
 * caller's language, a line that is no reservation 422, a cancelled one 409. And the Azure Hybrid Benefit beside
 * a VM reservation's availability.
 */
@MicronautTest(transactional = false)
class ReservationsEndToEndTest extends EndToEnd {

    private static final String RESERVED_VM_D2S_V5 = "DG7GMGF01Z2K";
    private static final String WS2022_STANDARD = "DG7GMGF0BHXC";
    private static final String SUBSCRIPTION = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

    private final Shop shop = new Shop(this);
    private String agent;
    private String tenant;

    @BeforeAll
    void setUp() {
        agent = loginDemo("admin.agent@partner.demo");
        tenant = shop.createCustomer(agent, "Reserved Instances GmbH", "DE");
    }

    @Test
    void aReservationIsPlacedWithItsContextReadBackAndItsScopeChangedOnTheRecord() {
        String offer = shop.offer(agent, RESERVED_VM_D2S_V5, "0002", "DE");
        Answer placed = send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems", List.of(
                line(0, offer, Map.of("SubscriptionId", SUBSCRIPTION.toUpperCase(), "Scope", "Shared", "Duration", "3Years")))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = (String) placed.json().get("id");
        Map<String, Object> shared = Map.of("subscriptionId", SUBSCRIPTION, "scope", "shared", "duration", "3Years");
        assertThat(lines(placed.json()).get(0).get("provisioningContext")).isEqualTo(shared);
        assertThat(lines(send("GET", ordersOf(tenant) + "/" + orderId, agent, null).json()).get(0).get("provisioningContext"))
                .isEqualTo(shared);

        Answer changed = send("PUT", scopeOf(tenant, orderId, 0), agent, Map.of("scope", "single", "resourceGroup", "rg-web"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Map<String, Object> single = Map.of("subscriptionId", SUBSCRIPTION, "scope", "single", "resourceGroup", "rg-web",
                "duration", "3Years");
        assertThat(lines(changed.json()).get(0).get("provisioningContext")).isEqualTo(single);
        Answer list = send("GET", ordersOf(tenant), agent, null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) list.json().get("items");
        assertThat(orders.stream().filter(o -> orderId.equals(o.get("id"))).map(o -> lines(o).get(0).get("provisioningContext")))
                .containsExactly(single);

        Answer audit = send("GET", "/v1/auditrecords?filter=" + filter("CustomerId", tenant),
                loginDemo("global.admin@partner.demo"), null);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) audit.json().get("items");
        assertThat(records).as(audit.toString()).anySatisfy(record -> assertThat(record.toString()).contains(orderId)
                .contains("oldScope").contains("shared").contains("newScope").contains("single").contains("rg-web"));

        Answer again = send("PUT", scopeOf(tenant, orderId, 0), agent, Map.of("scope", "SINGLE", "resourceGroup", "rg-web"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(lines(again.json()).get(0).get("provisioningContext")).isEqualTo(single);
    }

    @Test
    void whoMayChangeAScopeAndOfWhichOrder() {
        String orderId = reservation(tenant);
        String path = scopeOf(tenant, orderId, 0);
        Map<String, Object> body = Map.of("scope", "single", "resourceGroup", "rg");
        for (String refused : List.of("sales.agent@partner.demo", "account.admin@partner.demo", "customer.admin@contoso.demo")) {
            Answer answer = send("PUT", path, loginDemo(refused), body);
            assertThat(answer.status()).as(refused + ": " + answer).isEqualTo(403);
        }
        assertThat(send("PUT", path, loginDemo("global.admin@partner.demo"), Map.of("scope", "shared")).status()).isEqualTo(200);

        String other = shop.createCustomer(agent, "Other Tenant GmbH", "DE");
        Answer elsewhere = send("PUT", scopeOf(other, orderId, 0), agent, body);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        assertThat(elsewhere.problemCode()).isEqualTo("order_not_found");
        Answer noLine = send("PUT", scopeOf(tenant, orderId, 5), agent, body);
        assertThat(noLine.status()).isEqualTo(404);
        assertThat(noLine.problemCode()).isEqualTo("line_item_not_found");
        assertThat(send("PUT", "/v1/customers/" + tenant + "/orders/" + orderId + "/lineItems/x/provisioningContext", agent, body)
                .status()).isEqualTo(404);
    }

    @Test
    void aBadContextIs400NamingTheFieldInTheCallersLanguage() {
        String offer = shop.offer(agent, RESERVED_VM_D2S_V5, "0001", "DE");
        Answer missing = send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems",
                List.of(Shop.line(1, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1), line(0, offer, Map.of()))));
        assertBadField(missing, "provisioning_context_required", "lineItems[1].provisioningContext");

        Answer scope = send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems",
                List.of(line(0, offer, Map.of("subscriptionId", SUBSCRIPTION, "scope", "everywhere")))), "Accept-Language", "de");
        assertBadField(scope, "reservation_scope_invalid", "lineItems[0].provisioningContext.scope");
        assertThat(scope.json().get("errors").toString()).contains("Wählen Sie shared oder single.");

        Answer group = send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems",
                List.of(line(0, offer, Map.of("subscriptionId", SUBSCRIPTION, "scope", "single", "resourceGroup", "ends.")))));
        assertBadField(group, "reservation_resource_group_invalid", "lineItems[0].provisioningContext.resourceGroup");
        Answer duration = send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems",
                List.of(line(0, offer, Map.of("subscriptionId", SUBSCRIPTION, "scope", "shared", "duration", "3Years")))));
        assertBadField(duration, "reservation_duration_mismatch", "lineItems[0].provisioningContext.duration");
        assertThat((String) duration.json().get("detail")).contains("1Year");

        Map<String, Object> software = new LinkedHashMap<>(Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1));
        software.put("provisioningContext", Map.of("subscriptionId", SUBSCRIPTION, "scope", "shared"));
        Answer notAReservation = send("POST", ordersOf(tenant), agent, Map.of("billingCycle", "one_time", "lineItems", List.of(software)));
        assertBadField(notAReservation, "provisioning_context_not_allowed", "lineItems[0].provisioningContext");

        String orderId = reservation(tenant);
        Answer change = send("PUT", scopeOf(tenant, orderId, 0), agent, Map.of("scope", "single"), "Accept-Language", "hu");
        assertBadField(change, "reservation_resource_group_required", "resourceGroup");
        assertThat(change.json().get("errors").toString()).contains("erőforráscsoport");
    }

    @Test
    void aLineThatIsNoReservationIs422AndACancelledReservation409() {
        Map<String, Object> software = shop.order(agent, tenant, Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1));
        Answer notAReservation = send("PUT", scopeOf(tenant, (String) software.get("id"), 0), agent, Map.of("scope", "shared"));
        assertThat(notAReservation.status()).as(notAReservation.toString()).isEqualTo(422);
        assertThat(notAReservation.problemCode()).isEqualTo("not_a_reservation");

        String orderId = reservation(tenant);
        Answer cancelled = shop.cancel(agent, tenant, orderId);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Answer late = send("PUT", scopeOf(tenant, orderId, 0), agent, Map.of("scope", "single", "resourceGroup", "rg"));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.problemCode()).isEqualTo("reservation_cancelled");
        // The cancelled line keeps where it applied.
        assertThat(lines(send("GET", ordersOf(tenant) + "/" + orderId, agent, null).json()).get(0).get("provisioningContext"))
                .isEqualTo(Map.of("subscriptionId", CancellationEndToEndTest.Shop.AZURE_SUBSCRIPTION, "scope", "shared",
                        "duration", "1Year"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVmReservationsAvailabilityShowsTheHybridBenefitAndSoftwareDoesNot() {
        Answer vm = send("GET", "/v1/products/" + RESERVED_VM_D2S_V5 + "/skus/0001/availabilities?country=DE", agent, null);
        Map<String, Object> availability = ((List<Map<String, Object>>) vm.json().get("items")).get(0);
        assertThat(availability.get("azureHybridBenefit")).isEqualTo(Map.of("applies", true,
                "windowsRate", Map.of("amount", "839.04", "currency", "EUR"),
                "baseComputeRate", Map.of("amount", "503.42", "currency", "EUR"),
                "saving", Map.of("amount", "335.62", "currency", "EUR"),
                "savingPercentage", "40.00"));
        assertThat(availability.get("baseComputePrice")).isEqualTo(Map.of("amount", "503.42", "currency", "EUR"));

        Answer software = send("GET", "/v1/products/" + WS2022_STANDARD + "/skus/0001/availabilities?country=DE", agent, null);
        assertThat(((List<Map<String, Object>>) software.json().get("items")).get(0)).doesNotContainKey("azureHybridBenefit");
    }

    private String reservation(String customer) {
        return (String) shop.order(agent, customer, Shop.line(0, shop.offer(agent, RESERVED_VM_D2S_V5, "0001", "DE"), 1)).get("id");
    }

    private static void assertBadField(Answer answer, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().get("errors").toString()).as(answer.toString()).contains("field=" + field + ",");
    }

    private static Map<String, Object> line(int number, String offerId, Map<String, String> context) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineItemNumber", number);
        line.put("offerId", offerId);
        line.put("quantity", 1);
        line.put("provisioningContext", context);
        return line;
    }

    private static String ordersOf(String customer) {
        return "/v1/customers/" + customer + "/orders";
    }

    private static String scopeOf(String customer, String orderId, int line) {
        return ordersOf(customer) + "/" + orderId + "/lineItems/" + line + "/provisioningContext";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("lineItems");
    }

    private static String filter(String field, String value) {
        return URLEncoder.encode("{\"field\":\"" + field + "\",\"value\":\"" + value + "\",\"operator\":\"equals\"}",
                StandardCharsets.UTF_8);
    }
}
