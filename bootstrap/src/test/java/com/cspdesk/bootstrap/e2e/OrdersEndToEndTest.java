package com.cspdesk.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * api.md "Orders": buying on a customer's behalf in Hungary (tax on top), Australia (GST inside
 * the price) and Greenland (no Azure reservations), every refusal, who may see which order, and
 * MS-RequestId retries. Offer ids come from the catalog API, found by title.
 */
@MicronautTest(transactional = false)
class OrdersEndToEndTest extends EndToEnd {

    private static final String WS2022_STANDARD = "Windows Server 2022 Standard";
    private static final AtomicInteger DOMAINS = new AtomicInteger();

    private String agent;
    private String hungary;
    private String australia;
    private Offer hungarianOffer;
    private Offer australianOffer;

    /** An availability to order: its catalogItemId, list price, and its SKU's limits and billing cycles. */
    record Offer(String offerId, BigDecimal listPrice, String currency, int minimumQuantity, int maximumQuantity,
                 String billingCycle, String productId, String skuId, String skuTitle) {
    }

    @BeforeAll
    void setUp() {
        agent = loginDemo("admin.agent@partner.demo");
        hungary = createCustomer("Contoso Hungary Kft.", "HU");
        australia = createCustomer("Contoso Australia Pty Ltd", "AU");
        hungarianOffer = offer("HU", "SoftwarePerpetual", WS2022_STANDARD);
        australianOffer = offer("AU", "SoftwarePerpetual", WS2022_STANDARD);
    }

    @Test
    void aHungarianOrderAdds27PercentVatOnTopOfTheForintPrice() {
        assertThat(hungarianOffer.currency()).isEqualTo("HUF");
        Answer placed = send("POST", ordersOf(hungary), agent, order(hungarianOffer, 3));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        Map<String, Object> order = placed.json();
        String orderId = (String) order.get("id");
        assertThat(placed.header("Location")).isEqualTo(ordersOf(hungary) + "/" + orderId);
        assertThat(order).containsEntry("referenceCustomerId", hungary).containsEntry("billingCycle", "one_time")
                .containsEntry("currencyCode", "HUF").containsEntry("status", "completed").containsKey("creationDate");
        assertThat(order.get("links")).isEqualTo(Map.of("self", Map.of("uri", ordersOf(hungary) + "/" + orderId, "method", "GET")));

        Map<String, Object> line = lines(order).get(0);
        BigDecimal net = hungarianOffer.listPrice().multiply(BigDecimal.valueOf(3));
        BigDecimal tax = net.multiply(new BigDecimal("0.27")).setScale(2, RoundingMode.HALF_UP);
        assertThat(line).containsEntry("lineItemNumber", 0).containsEntry("offerId", hungarianOffer.offerId())
                .containsEntry("productId", hungarianOffer.productId()).containsEntry("skuId", hungarianOffer.skuId())
                .containsEntry("quantity", 3).containsEntry("termDuration", null).containsEntry("taxIncluded", false)
                .containsEntry("status", "active");
        assertThat((String) line.get("friendlyName")).contains(WS2022_STANDARD);
        assertThat(line.get("unitPrice")).isEqualTo(money(hungarianOffer.listPrice(), "HUF"));
        assertThat(line.get("net")).isEqualTo(money(net, "HUF"));
        assertThat(line.get("tax")).isEqualTo(money(tax, "HUF"));
        assertThat(line.get("gross")).isEqualTo(money(net.multiply(new BigDecimal("1.27")).setScale(2, RoundingMode.HALF_UP), "HUF"));
        assertThat(line.get("gross")).isEqualTo(money(net.add(tax), "HUF"));
        assertThat(order.get("totals")).isEqualTo(Map.of("net", line.get("net"), "tax", line.get("tax"), "gross", line.get("gross")));
        // Partner Center's price fields, as its SDK reads them: numbers, before tax, beside the desk's own.
        assertThat(number(order.get("totalPrice"))).isEqualByComparingTo(net);
        assertThat(line).containsKey("subscriptionId").containsEntry("subscriptionId", null);
        assertPricing(line, hungarianOffer.listPrice(), net);

        Answer read = send("GET", ordersOf(hungary) + "/" + orderId, loginDemo("sales.agent@partner.demo"), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(order);
        Map<String, Object> listed = items(send("GET", ordersOf(hungary) + "?size=500", agent, null)).stream()
                .filter(o -> orderId.equals(o.get("id"))).findFirst().orElseThrow();
        assertThat(listed).as("a page shows each order as GET does").isEqualTo(order);
    }

    @Test
    void anAustralianOrderIsTheListPriceWithGstExtracted() {
        assertThat(australianOffer.currency()).isEqualTo("AUD");
        Answer placed = send("POST", ordersOf(australia), agent, order(australianOffer, 2));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        Map<String, Object> order = placed.json();
        Map<String, Object> line = lines(order).get(0);
        BigDecimal gross = australianOffer.listPrice().multiply(BigDecimal.valueOf(2));
        BigDecimal tax = gross.divide(BigDecimal.valueOf(11), 2, RoundingMode.HALF_UP);
        assertThat(order).containsEntry("currencyCode", "AUD");
        assertThat(line).containsEntry("taxIncluded", true);
        assertThat(line.get("gross")).isEqualTo(money(gross, "AUD"));
        assertThat(line.get("tax")).isEqualTo(money(tax, "AUD"));
        assertThat(line.get("net")).isEqualTo(money(gross.subtract(tax), "AUD"));
        assertThat(order.get("totals")).isEqualTo(Map.of("net", line.get("net"), "tax", line.get("tax"), "gross", line.get("gross")));
        // Partner Center's prices are before tax here too, though the list price includes GST.
        BigDecimal net = gross.subtract(tax);
        assertThat(number(order.get("totalPrice"))).isEqualByComparingTo(net);
        assertPricing(line, net.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP), net);

        Answer read = send("GET", ordersOf(australia) + "/" + order.get("id"), agent, null);
        assertThat(read.json()).isEqualTo(order);
    }

    @Test
    void anAzureReservationForGreenlandIsRefusedNamingTheMarket() {
        String greenland = createCustomer("Nuuk Fisheries A/S", "GL");
        Offer reservation = offer("GL", "AzureReservationsVM", null);
        Answer availability = send("GET", "/v1/products/" + reservation.productId() + "/skus/" + reservation.skuId()
                + "/availabilities?country=GL", agent, null);
        assertThat(items(availability).get(0)).containsEntry("isPurchasable", false);

        Map<String, Object> body = Map.of("billingCycle", reservation.billingCycle(), "lineItems", List.of(Map.of(
                "lineItemNumber", 0, "offerId", reservation.offerId(), "quantity", 1,
                "provisioningContext", Map.of("subscriptionId", UUID.randomUUID().toString(), "scope", "shared", "duration", "1Year"))));
        Answer refused = send("POST", ordersOf(greenland), agent, body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.problemCode()).isEqualTo("market_unavailable");
        assertThat((String) refused.json().get("detail")).isEqualTo("Azure reservations are not available in Greenland (GL).");
        assertThat(refused.json().get("errors").toString()).contains("field=lineItems[0].offerId");

        Answer german = send("POST", ordersOf(greenland), agent, body, "Accept-Language", "de");
        assertThat((String) german.json().get("detail")).contains("Grönland (GL)");
        assertThat(send("GET", ordersOf(greenland), agent, null).json().get("totalCount")).isEqualTo(0);

        Offer hungarianReservation = offer("HU", "AzureReservationsVM", null);
        Answer elsewhere = send("POST", ordersOf(hungary), agent, Map.of("billingCycle", hungarianReservation.billingCycle(),
                "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", hungarianReservation.offerId(), "quantity", 1,
                        "provisioningContext", Map.of("subscriptionId", UUID.randomUUID().toString(), "scope", "shared")))));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
        assertThat(lines(elsewhere.json()).get(0)).containsEntry("termDuration", "P1Y");
    }

    @Test
    void malformedAndUnknownOfferIdsAre400() {
        for (String offerId : List.of("not-an-offer", "a:b", "::", "NOSUCHPRODUCT:0001:NOSUCHAVAIL",
                hungarianOffer.productId() + ":" + hungarianOffer.skuId() + ":NOSUCHAVAIL")) {
            Answer answer = send("POST", ordersOf(hungary), agent, Map.of("billingCycle", "one_time",
                    "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", offerId, "quantity", 1))));
            assertThat(answer.status()).as(offerId + " " + answer).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo("offer_invalid");
            assertThat(answer.json().get("errors").toString()).contains("field=lineItems[0].offerId");
        }
    }

    @Test
    void anOfferOfAnotherCurrencyIs400() {
        Answer answer = send("POST", ordersOf(australia), agent, order(hungarianOffer, 1));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("offer_not_for_market");
    }

    @Test
    void aQuantityOutsideTheSkusRangeIs400WithTheField() {
        Map<String, Object> body = Map.of("billingCycle", "one_time", "lineItems", List.of(
                line(0, hungarianOffer.offerId(), 1),
                line(1, hungarianOffer.offerId(), hungarianOffer.maximumQuantity() + 1)));
        Answer answer = send("POST", ordersOf(hungary), agent, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("quantity_out_of_range");
        assertThat(answer.json().get("errors").toString()).contains("field=lineItems[1].quantity");

        Answer atMost = send("POST", ordersOf(hungary), agent, order(hungarianOffer, hungarianOffer.maximumQuantity()));
        assertThat(atMost.status()).isEqualTo(201);
    }

    @Test
    void twoLinesOfOneSkuThatSumPastItsMaximumAreRefusedOnTheLineThatPassesIt() {
        String customer = createCustomer("Contoso Summed Kft.", "HU");
        int maximum = hungarianOffer.maximumQuantity();
        Answer answer = send("POST", ordersOf(customer), agent, Map.of("billingCycle", "one_time", "lineItems", List.of(
                line(0, hungarianOffer.offerId(), maximum), line(1, hungarianOffer.offerId(), 1))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("quantity_out_of_range");
        assertThat(answer.json().get("errors").toString()).contains("field=lineItems[1].quantity,");
        assertThat(send("GET", ordersOf(customer), agent, null).json().get("totalCount")).isEqualTo(0);

        Answer upToTheMaximum = send("POST", ordersOf(customer), agent, Map.of("billingCycle", "one_time", "lineItems", List.of(
                line(0, hungarianOffer.offerId(), maximum - 1), line(1, hungarianOffer.offerId(), 1))));
        assertThat(upToTheMaximum.status()).as(upToTheMaximum.toString()).isEqualTo(201);
        assertThat(lines(upToTheMaximum.json())).extracting(l -> l.get("quantity")).containsExactly(maximum - 1, 1);
    }

    @Test
    void aQuantityThatIsNotAWholeNumberIs400AtItsFieldInTheCallersLanguageAndNothingIsStored() {
        String customer = createCustomer("Contoso Whole Numbers Kft.", "HU");
        for (String quantity : List.of("1.5", "1.0", "\"2\"", "3000000000")) {
            String body = "{\"billingCycle\": \"one_time\", \"lineItems\": ["
                    + "{\"lineItemNumber\": 0, \"offerId\": \"" + hungarianOffer.offerId() + "\", \"quantity\": 1},"
                    + "{\"lineItemNumber\": 1, \"offerId\": \"" + hungarianOffer.offerId() + "\", \"quantity\": " + quantity + "}]}";
            Answer english = send("POST", ordersOf(customer), agent, body);
            assertThat(english.status()).as(quantity + " " + english).isEqualTo(400);
            assertThat(english.problemCode()).isEqualTo("validation_failed");
            assertThat(english.json().get("errors").toString())
                    .contains("field=lineItems[1].quantity, message=Must be a whole number from 1 to 2,147,483,647");

            Answer german = send("POST", ordersOf(customer), agent, body, "Accept-Language", "de");
            assertThat(german.status()).isEqualTo(400);
            assertThat(german.json().get("errors").toString())
                    .contains("field=lineItems[1].quantity, message=Muss eine ganze Zahl von 1 bis 2.147.483.647 sein");
        }
        assertThat(send("GET", ordersOf(customer), agent, null).json().get("totalCount")).isEqualTo(0);
    }

    @Test
    void anUnsupportedBillingCycleIs400() {
        Answer answer = send("POST", ordersOf(hungary), agent, Map.of("billingCycle", "monthly",
                "lineItems", List.of(line(0, hungarianOffer.offerId(), 1))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("billing_cycle_not_supported");
        assertThat(answer.json().get("errors").toString()).contains("field=billingCycle");
    }

    @Test
    void duplicateLineItemNumbersAre400() {
        Answer answer = send("POST", ordersOf(hungary), agent, Map.of("billingCycle", "one_time",
                "lineItems", List.of(line(7, hungarianOffer.offerId(), 1), line(7, hungarianOffer.offerId(), 2))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("line_item_number_duplicate");
        assertThat(answer.json().get("errors").toString()).contains("field=lineItems[1].lineItemNumber");
    }

    @Test
    void malformedRequestsAreRefusedWithTheFieldPath() {
        assertInvalid(Map.of("billingCycle", "one_time", "lineItems", List.of(line(0, hungarianOffer.offerId(), 0))),
                "lineItems[0].quantity");
        assertInvalid(Map.of("billingCycle", "one_time", "lineItems", List.of(line(0, hungarianOffer.offerId(), 1),
                line(-1, hungarianOffer.offerId(), 1))), "lineItems[1].lineItemNumber");
        assertInvalid(Map.of("billingCycle", "one_time", "lineItems", List.of(Map.of("lineItemNumber", 0, "quantity", 1))),
                "lineItems[0].offerId");
        assertInvalid(Map.of("lineItems", List.of(line(0, hungarianOffer.offerId(), 1))), "billingCycle");
        assertInvalid(Map.of("billingCycle", "one_time", "lineItems", List.of()), "lineItems");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(line(i, hungarianOffer.offerId(), 1));
        }
        assertInvalid(Map.of("billingCycle", "one_time", "lineItems", tooMany), "lineItems");

        Answer notJson = send("POST", ordersOf(hungary), agent, "{\"billingCycle\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.problemCode()).isEqualTo("malformed_request");
        Answer wrongType = send("POST", ordersOf(hungary), agent, Map.of("billingCycle", "one_time",
                "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", hungarianOffer.offerId(), "quantity", "many"))));
        assertThat(wrongType.status()).isEqualTo(400);
    }

    @Test
    void statusIsReadOnlyOnCreateAndUnknownFieldsAreIgnored() {
        Map<String, Object> withStatus = new HashMap<>(order(hungarianOffer, 1));
        withStatus.put("status", "completed");
        Answer refused = send("POST", ordersOf(hungary), agent, withStatus);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("status_read_only");
        assertThat(refused.json().get("errors").toString()).contains("field=status");

        Map<String, Object> withExtras = new HashMap<>(order(hungarianOffer, 1));
        withExtras.put("transactionType", "purchase");
        withExtras.put("id", "client-chosen-id");
        Answer placed = send("POST", ordersOf(hungary), agent, withExtras);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().get("id")).isNotEqualTo("client-chosen-id");
    }

    @Test
    void anUnknownCustomerOrOrderIs404() {
        String nobody = UUID.randomUUID().toString();
        for (Answer answer : List.of(send("POST", ordersOf(nobody), agent, order(hungarianOffer, 1)),
                send("GET", ordersOf(nobody), agent, null),
                send("GET", ordersOf(nobody) + "/" + UUID.randomUUID(), agent, null),
                send("POST", ordersOf("nobody.example"), agent, order(hungarianOffer, 1)))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.problemCode()).isIn("customer_not_found", "order_not_found");
        }
        assertThat(send("GET", ordersOf(nobody), agent, null).problemCode()).isEqualTo("customer_not_found");
        Answer noOrder = send("GET", ordersOf(hungary) + "/" + UUID.randomUUID(), agent, null);
        assertThat(noOrder.status()).isEqualTo(404);
        assertThat(noOrder.problemCode()).isEqualTo("order_not_found");
    }

    @Test
    void onlyAdminAgentsAndGlobalAdminsPlaceOrders() {
        for (String user : List.of("sales.agent@partner.demo", "account.admin@partner.demo", "customer.admin@contoso.demo")) {
            Answer answer = send("POST", ordersOf(hungary), loginDemo(user), order(hungarianOffer, 1));
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.problemCode()).isEqualTo("forbidden");
        }
        Answer byGlobalAdmin = send("POST", ordersOf(hungary), loginDemo("global.admin@partner.demo"), order(hungarianOffer, 1));
        assertThat(byGlobalAdmin.status()).isEqualTo(201);
        assertThat(send("GET", ordersOf(hungary), loginDemo("sales.agent@partner.demo"), null).status()).isEqualTo(200);
        for (String user : List.of("account.admin@partner.demo", "referral.admin@partner.demo", "marketing.admin@partner.demo")) {
            assertThat(send("GET", ordersOf(hungary), loginDemo(user), null).status()).as(user).isEqualTo(403);
        }
        assertThat(send("POST", ordersOf(hungary), null, order(hungarianOffer, 1)).status()).isEqualTo(401);
    }

    @Test
    void aCustomersAdminReadsItsOwnOrdersAndAnotherTenantsAre404() {
        String tenantA = createCustomer("Tenant A Kft.", "HU");
        String tenantB = createCustomer("Tenant B Kft.", "HU");
        String orderA = (String) send("POST", ordersOf(tenantA), agent, order(hungarianOffer, 1)).json().get("id");
        String orderB = (String) send("POST", ordersOf(tenantB), agent, order(hungarianOffer, 1)).json().get("id");
        String adminOfA = customerAdmin("it.admin@tenant-a.example", tenantA);

        Answer ownList = send("GET", ordersOf(tenantA), adminOfA, null);
        assertThat(ownList.status()).isEqualTo(200);
        assertThat(items(ownList)).extracting(o -> o.get("id")).containsExactly(orderA);
        assertThat(send("GET", ordersOf(tenantA) + "/" + orderA, adminOfA, null).status()).isEqualTo(200);

        for (Answer foreign : List.of(send("GET", "/v1/customers/" + tenantB, adminOfA, null),
                send("GET", ordersOf(tenantB), adminOfA, null),
                send("GET", ordersOf(tenantB) + "/" + orderB, adminOfA, null),
                send("GET", ordersOf(tenantA) + "/" + orderB, adminOfA, null))) {
            assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
            assertThat(foreign.problemCode()).isIn("customer_not_found", "order_not_found");
            assertThat(foreign.body()).doesNotContain("lineItems", "Tenant B", "totals");
        }
        Answer placing = send("POST", ordersOf(tenantA), adminOfA, order(hungarianOffer, 1));
        assertThat(placing.status()).isEqualTo(403);

        // The demo customer admin's tenant has no customer: nothing of anyone else is visible to it either.
        Answer demo = send("GET", ordersOf(tenantA), loginDemo("customer.admin@contoso.demo"), null);
        assertThat(demo.status()).isEqualTo(404);
        assertThat(demo.problemCode()).isEqualTo("customer_not_found");
    }

    @Test
    void aRequestIdReusedWithAnotherBodyIsAConflictAndARetryReplaysTheOrder() {
        Answer first = send("POST", ordersOf(hungary), agent, order(hungarianOffer, 1), "MS-RequestId", "order-retry-1");
        Answer retry = send("POST", ordersOf(hungary), agent, order(hungarianOffer, 1), "MS-RequestId", "order-retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        Answer reused = send("POST", ordersOf(hungary), agent, order(hungarianOffer, 2), "MS-RequestId", "order-retry-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("idempotency_key_reused");
        Answer otherCustomer = send("POST", ordersOf(australia), agent, order(australianOffer, 1), "MS-RequestId", "order-retry-1");
        assertThat(otherCustomer.status()).isEqualTo(409);
    }

    @Test
    void eightConcurrentRetriesPlaceExactlyOneOrder() throws Exception {
        String customer = createCustomer("Racing Kft.", "HU");
        Map<String, Object> body = order(hungarianOffer, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> send("POST", ordersOf(customer), agent, body, "MS-RequestId", "order-race-8")));
            }
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(answers).extracting(Answer::body).containsOnly(answers.get(0).body());
        assertThat(answers).extracting(a -> a.header("Location")).containsOnly(answers.get(0).header("Location"));
        assertThat(answers.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed"))).count()).isEqualTo(7);

        Answer list = send("GET", ordersOf(customer), agent, null);
        assertThat(list.json().get("totalCount")).isEqualTo(1);
        assertThat(items(list)).extracting(o -> o.get("id")).containsExactly(answers.get(0).json().get("id"));
    }

    @Test
    void ordersArePagedNewestFirstByKeyset() {
        String customer = createCustomer("Paging Kft.", "HU");
        List<String> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Answer answer = send("POST", ordersOf(customer), agent, order(hungarianOffer, i));
            assertThat(answer.status()).isEqualTo(201);
            placed.add(0, (String) answer.json().get("id"));
        }
        List<String> seen = new ArrayList<>();
        String next = ordersOf(customer) + "?size=2";
        int pages = 0;
        while (next != null && pages < 5) {
            Answer page = send("GET", next, agent, null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("totalCount")).isEqualTo(5);
            items(page).forEach(o -> seen.add((String) o.get("id")));
            Map<?, ?> links = (Map<?, ?>) page.json().get("links");
            next = links != null && links.containsKey("next") ? "/v1/" + ((Map<?, ?>) links.get("next")).get("uri") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(placed);

        // Addressed by domain, the same customer's orders.
        Answer byId = send("GET", "/v1/customers/" + customer, agent, null);
        String domain = (String) ((Map<?, ?>) byId.json().get("companyProfile")).get("domain");
        assertThat(send("GET", ordersOf(domain) + "?size=500", agent, null).json().get("totalCount")).isEqualTo(5);

        Answer badToken = send("GET", ordersOf(customer) + "?continuationToken=garbage", agent, null);
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.problemCode()).isEqualTo("continuation_token_invalid");
        Answer badSize = send("GET", ordersOf(customer) + "?size=0", agent, null);
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.problemCode()).isEqualTo("validation_failed");
    }

    // --- helpers

    /** Partner Center's Pricing of a line: every unit price the same (no discount, no proration), the line's net. */
    @SuppressWarnings("unchecked")
    private static void assertPricing(Map<String, Object> line, BigDecimal unit, BigDecimal extended) {
        Map<String, Object> pricing = (Map<String, Object>) line.get("pricing");
        assertThat(pricing).containsOnlyKeys("listPrice", "discountedPrice", "proratedPrice", "price", "extendedPrice");
        for (String price : List.of("listPrice", "discountedPrice", "proratedPrice", "price")) {
            assertThat(pricing.get(price)).as(price + " is a JSON number").isInstanceOf(Number.class);
            assertThat(number(pricing.get(price))).as(price).isEqualByComparingTo(unit);
        }
        assertThat(number(pricing.get("extendedPrice"))).isEqualByComparingTo(extended);
    }

    private static BigDecimal number(Object value) {
        assertThat(value).isInstanceOf(Number.class);
        return new BigDecimal(value.toString());
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Answer answer = send("POST", ordersOf(hungary), agent, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("validation_failed");
        assertThat(answer.json().get("errors").toString()).as(answer.toString()).contains("field=" + field + ",");
    }

    private String createCustomer(String name, String country) {
        String domain = "customer-" + DOMAINS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Answer created = send("POST", "/v1/customers", agent, Map.of("companyProfile", Map.of("companyName", name, "domain", domain),
                "billingProfile", Map.of("country", country)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private String customerAdmin(String username, String tenantId) {
        String password = "Tenant-Admin-Passw0rd!";
        Answer created = send("POST", "/v1/users", login(ADMIN, ADMIN_PASSWORD), Map.of("username", username,
                "password", password, "roles", List.of("CUSTOMER_GLOBAL_ADMIN"), "customerTenantId", tenantId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return login(username, password);
    }

    /** The first availability of the first SKU of the product titled so (or the view's first product) in the country. */
    private Offer offer(String country, String targetView, String title) {
        List<Map<String, Object>> products = items(send("GET", "/v1/products?country=" + country + "&targetView=" + targetView, agent, null));
        Map<String, Object> product = title == null ? products.get(0) : products.stream().filter(p -> title.equals(p.get("title")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + title + " in " + products));
        String productId = (String) product.get("id");
        Map<String, Object> sku = items(send("GET", "/v1/products/" + productId + "/skus?country=" + country, agent, null)).get(0);
        String skuId = (String) sku.get("id");
        Map<String, Object> availability = items(send("GET", "/v1/products/" + productId + "/skus/" + skuId
                + "/availabilities?country=" + country, agent, null)).get(0);
        Map<?, ?> price = (Map<?, ?>) availability.get("listPrice");
        return new Offer((String) availability.get("catalogItemId"), new BigDecimal((String) price.get("amount")),
                (String) price.get("currency"), ((Number) sku.get("minimumQuantity")).intValue(),
                ((Number) sku.get("maximumQuantity")).intValue(), (String) ((List<?>) sku.get("supportedBillingCycles")).get(0),
                productId, skuId, (String) sku.get("title"));
    }

    private static Map<String, Object> order(Offer offer, int quantity) {
        return Map.of("billingCycle", offer.billingCycle(), "lineItems", List.of(line(0, offer.offerId(), quantity)));
    }

    private static Map<String, Object> line(int number, String offerId, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineItemNumber", number);
        line.put("offerId", offerId);
        line.put("quantity", quantity);
        return line;
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), "currency", currency);
    }

    private static String ordersOf(String customer) {
        return "/v1/customers/" + customer + "/orders";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("lineItems");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.json().get("items");
    }
}
