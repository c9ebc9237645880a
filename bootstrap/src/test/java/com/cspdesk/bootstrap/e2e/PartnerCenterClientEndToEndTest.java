package com.cspdesk.bootstrap.e2e;

import com.cspdesk.domain.activity.PartnerCenterAuditValues;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #14's "done when": the whole flow a Partner Center script runs, as a service caller with the
 * client-credentials grant, in Partner Center's request and response shapes and with the headers its
 * Java SDK sends on every call (MS-RequestId, MS-CorrelationId, X-Locale, MS-Contract-Version, …):
 * create a customer → browse the catalog → place an order (the SDK's re-send after a refusal included)
 * → read and list orders → page through customers by the next link → cancel with PC's PATCH → read the
 * audit records with the SDK's dates and filter. The SDK itself is not on Maven Central, so its wire
 * shapes are written out here (from its models and Microsoft Learn's REST reference).
 */
@MicronautTest(transactional = false)
class PartnerCenterClientEndToEndTest extends EndToEnd {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String HUNGARIAN_PRODUCT = "DG7GMGF0BHXC";

    private final String correlationId = UUID.randomUUID().toString();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String applicationId;
    private String token;

    /** A global admin registers the script (buying, and reading the log) as an application; the script takes a token with HTTP Basic. */
    @BeforeAll
    void registerTheScript() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        Answer registered = send("POST", "/v1/applications", admin, Map.of("name", "PC scripts", "roles", List.of("ADMIN_AGENT", "ACCOUNT_ADMIN")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        applicationId = (String) registered.json().get("clientId");
        String secret = (String) registered.json().get("clientSecret");
        String basic = Base64.getEncoder().encodeToString((encode(applicationId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        Answer granted = send("POST", "/oauth2/token", null, "grant_type=client_credentials", "Content-Type", FORM,
                "Authorization", "Basic " + basic);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        token = (String) granted.json().get("access_token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPartnerCenterScriptRunsTheWholeFlowAsAServiceCaller() {
        // 1. A customer in PC's shape: the address, e-mail, culture and language in the billing profile.
        String domain = "kovacs-" + run + ".example";
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("country", "HU");
        address.put("city", "Budapest");
        address.put("addressLine1", "Váci út 1.");
        address.put("postalCode", "1062");
        address.put("firstName", "Anna");
        address.put("lastName", "Kovács");
        address.put("phoneNumber", "+3612345678");
        Map<String, Object> customerBody = Map.of(
                "companyProfile", Map.of("domain", domain),
                "billingProfile", Map.of("email", "anna@" + domain, "culture", "hu-HU", "language", "hu",
                        "companyName", "Kovács és Társa Kft.", "firstName", "Anna", "lastName", "Kovács",
                        "defaultAddress", address));
        Answer created = pc("POST", "/v1/customers", customerBody, UUID.randomUUID().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("MS-CorrelationId")).isEqualTo(correlationId);
        String tenant = (String) created.json().get("id");
        Map<String, Object> read = pc("GET", "/v1/customers/" + tenant, null, UUID.randomUUID().toString()).json();
        Map<String, Object> billing = (Map<String, Object>) read.get("billingProfile");
        assertThat((Map<String, Object>) billing.get("defaultAddress")).containsEntry("country", "HU")
                .containsEntry("city", "Budapest").containsEntry("postalCode", "1062");
        assertThat(billing).containsEntry("email", "anna@" + domain).containsEntry("culture", "hu-HU")
                .containsEntry("language", "hu");
        assertThat((Map<String, Object>) read.get("companyProfile")).containsEntry("companyName", "Kovács és Társa Kft.");

        // 2. The catalog, as the SDK walks it: products → SKUs → availabilities (the offer is the catalog item).
        Answer products = pc("GET", "/v1/products?country=HU&targetView=SoftwarePerpetual", null, UUID.randomUUID().toString());
        assertThat(products.body()).contains(HUNGARIAN_PRODUCT);
        List<Map<String, Object>> skus = items(pc("GET", "/v1/products/" + HUNGARIAN_PRODUCT + "/skus?country=HU", null,
                UUID.randomUUID().toString()));
        String skuId = (String) skus.get(0).get("id");
        List<Map<String, Object>> availabilities = items(pc("GET", "/v1/products/" + HUNGARIAN_PRODUCT + "/skus/" + skuId
                + "/availabilities?country=HU", null, UUID.randomUUID().toString()));
        String offerId = (String) availabilities.get(0).get("catalogItemId");

        // No order yet: an empty page still says "items": [].
        Answer none = pc("GET", "/v1/customers/" + tenant + "/orders", null, UUID.randomUUID().toString());
        assertThat(none.json()).containsEntry("totalCount", 0).containsEntry("items", List.of());

        // 3. An order. The first try is refused (quantity 0); the SDK re-sends it with the same MS-RequestId
        //    and gets the same refusal, not a replay; corrected, the same id places the order once.
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> wrong = order(tenant, offerId, 0);
        Answer refused = pc("POST", "/v1/customers/" + tenant + "/orders", wrong, requestId);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("description")).isNotNull();
        Answer resent = pc("POST", "/v1/customers/" + tenant + "/orders", wrong, requestId);
        assertThat(resent.status()).isEqualTo(400);
        assertThat(resent.header("Idempotent-Replayed")).isNull();
        Answer placed = pc("POST", "/v1/customers/" + tenant + "/orders", order(tenant, offerId, 2), requestId);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        Answer again = pc("POST", "/v1/customers/" + tenant + "/orders", order(tenant, offerId, 2), requestId);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        Map<String, Object> orderJson = placed.json();
        String orderId = (String) orderJson.get("id");
        assertThat(again.json().get("id")).isEqualTo(orderId);
        assertThat(orderJson).containsEntry("currencyCode", "HUF").containsEntry("referenceCustomerId", tenant);
        assertThat(orderJson.get("totalPrice")).isInstanceOf(Number.class);
        Map<String, Object> line = ((List<Map<String, Object>>) orderJson.get("lineItems")).get(0);
        assertThat(line).containsKey("subscriptionId").containsEntry("offerId", offerId).containsEntry("quantity", 2);
        Map<String, Object> pricing = (Map<String, Object>) line.get("pricing");
        assertThat(((Number) pricing.get("extendedPrice")).doubleValue())
                .isEqualTo(((Number) orderJson.get("totalPrice")).doubleValue());

        // 4. Read it back and find it in the customer's list.
        Answer gotten = pc("GET", "/v1/customers/" + tenant + "/orders/" + orderId, null, UUID.randomUUID().toString());
        assertThat(gotten.json()).containsEntry("id", orderId).containsEntry("totalPrice", orderJson.get("totalPrice"));
        assertThat(items(pc("GET", "/v1/customers/" + tenant + "/orders", null, UUID.randomUUID().toString())))
                .extracting(o -> o.get("id")).containsExactly(orderId);

        // 5. Page through the customers two at a time, as the SDK's enumerator does: the next link's uri is
        //    relative to the API root (it prefixes /v1/) and the token rides in the link's header.
        for (int i = 0; i < 2; i++) {
            String more = "more-" + i + "-" + run + ".example";
            assertThat(pc("POST", "/v1/customers", Map.of("companyProfile", Map.of("companyName", "More " + i, "domain", more),
                    "billingProfile", Map.of("defaultAddress", Map.of("country", "DE"))), UUID.randomUUID().toString())
                    .status()).isEqualTo(201);
        }
        List<Object> seen = new ArrayList<>();
        Answer page = pc("GET", "/v1/customers?size=2", null, UUID.randomUUID().toString());
        int pages = 1;
        while (true) {
            seen.addAll(items(page).stream().map(c -> c.get("id")).toList());
            Map<String, Object> links = (Map<String, Object>) page.json().get("links");
            if (links == null || !links.containsKey("next")) {
                break;
            }
            Map<String, Object> next = (Map<String, Object>) links.get("next");
            String uri = (String) next.get("uri");
            assertThat(uri).startsWith("customers?");
            Map<String, Object> header = ((List<Map<String, Object>>) next.get("headers")).get(0);
            assertThat(header).containsEntry("key", "MS-ContinuationToken");
            // Every other page with the token in the header alone, as a client that drops the query's copy.
            String path = pages % 2 == 0 ? "/v1/" + uri : "/v1/customers?size=2";
            page = pc("GET", path, null, UUID.randomUUID().toString(), "MS-ContinuationToken", (String) header.get("value"));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().contains(tenant);
        assertThat(seen).hasSize(((Number) page.json().get("totalCount")).intValue());

        // 6. Cancel with PC's PATCH: the order read back, its status set to cancelled (no "acknowledged").
        Map<String, Object> cancelling = new LinkedHashMap<>(gotten.json());
        cancelling.put("status", "cancelled");
        Answer cancelled = pc("PATCH", "/v1/customers/" + tenant + "/orders/" + orderId, cancelling, UUID.randomUUID().toString());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "cancelled");
        assertThat(((List<Map<String, Object>>) cancelled.json().get("lineItems")).get(0)).containsEntry("quantity", 0)
                .containsEntry("status", "cancelled");

        // 7. The audit records, with the SDK's dates (Joda's "YYYY-MM-DD": DD is the day of the year) and filter.
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String sdkDate = String.format("%d-%02d-%02d", yesterday.getYear(), yesterday.getMonthValue(), yesterday.getDayOfYear());
        String filter = "{\"field\":\"CustomerId\",\"value\":\"" + tenant + "\",\"operator\":\"Equals\",\"fieldType\":\"String\"}";
        Answer audit = pc("GET", "/v1/auditrecords?startDate=" + sdkDate + "&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8), null, UUID.randomUUID().toString());
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        List<Map<String, Object>> records = items(audit);
        for (Map<String, Object> record : records) {
            assertThat(PartnerCenterAuditValues.OPERATION_TYPES).contains((String) record.get("operationType"));
            assertThat(PartnerCenterAuditValues.RESOURCE_TYPES).contains((String) record.get("resourceType"));
            assertThat(PartnerCenterAuditValues.OPERATION_STATUSES).contains((String) record.get("operationStatus"));
        }
        assertThat(records).filteredOn(r -> applicationId.equals(r.get("applicationId")))
                .extracting(r -> r.get("operationType")).contains("add_customer", "create_order", "update_order");
        assertThat(records).anySatisfy(r -> assertThat(r).containsEntry("operationType", "update_order")
                .containsEntry("operationKind", "cancel_order").containsEntry("resourceId", orderId)
                .containsEntry("applicationId", applicationId));
    }

    @Test
    void aRefusalSpeaksTheSdksLocaleAndCarriesPartnerCentersErrorFields() {
        Map<String, Object> bad = Map.of("companyProfile", Map.of("companyName", "Hibás Kft.", "domain", "hibas-" + run + ".example"),
                "billingProfile", Map.of("defaultAddress", Map.of("country", "XX")));
        Answer english = pc("POST", "/v1/customers", bad, UUID.randomUUID().toString());
        Answer hungarian = pc("POST", "/v1/customers", bad, UUID.randomUUID().toString(), "X-Locale", "hu-HU");
        assertThat(english.status()).isEqualTo(400);
        assertThat(hungarian.status()).isEqualTo(400);
        assertThat(hungarian.header("Content-Language")).isEqualTo("hu");
        assertThat(hungarian.problemCode()).isEqualTo(english.problemCode());
        assertThat(hungarian.json().get("description")).isNotNull().isNotEqualTo(english.json().get("description"));
        assertThat(hungarian.header("MS-CorrelationId")).isEqualTo(correlationId);
    }

    /** A call as PC's Java SDK makes it: its headers on every request; {@code more} adds or replaces some. */
    private Answer pc(String method, String path, Object body, String requestId, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MS-RequestId", requestId);
        headers.put("MS-CorrelationId", correlationId);
        headers.put("X-Locale", "en-US");
        headers.put("MS-Contract-Version", "v1");
        headers.put("MS-SdkVersion", "1.15.3");
        headers.put("MS-PartnerCenter-Client", "Partner Center Java SDK");
        headers.put("Accept", "application/json");
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        List<String> flat = new ArrayList<>();
        headers.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        return send(method, path, token, body, flat.toArray(String[]::new));
    }

    private static Map<String, Object> order(String tenant, String offerId, int quantity) {
        return Map.of("referenceCustomerId", tenant, "billingCycle", "one_time",
                "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", offerId, "quantity", quantity)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.json().get("items");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
