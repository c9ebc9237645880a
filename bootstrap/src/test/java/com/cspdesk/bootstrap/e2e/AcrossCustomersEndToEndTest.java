package com.cspdesk.bootstrap.e2e;

import com.cspdesk.bootstrap.e2e.CancellationEndToEndTest.Shop;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #16's views across all customers ({@code GET /v1/orders}, {@code GET /v1/software}) and the price sheet
 * ({@code GET /v1/pricesheets}), over HTTP: every customer's rows newest first with the customer named, each filter,
 * keyset pages through the relative next link, the CSV (injection-safe), and the refusals.
 */
@MicronautTest(transactional = false)
class AcrossCustomersEndToEndTest extends EndToEnd {

    private static final String WS2022_STANDARD = "DG7GMGF0BHXC";
    private static final String SQL_STANDARD = "DG7GMGF0MGVZ";

    private final Shop shop = new Shop(this);
    private String agent;
    private String hungary;
    private String formula;
    private String hungarianWindows;
    private String hungarianSql;
    private String formulaWindows;

    @BeforeAll
    void ordersOfTwoCustomers() {
        agent = loginDemo("admin.agent@partner.demo");
        hungary = shop.createCustomer(agent, "Across Kft.", "HU");
        formula = shop.createCustomer(agent, "=HYPERLINK(\"http://evil.example\")", "DE");
        hungarianWindows = (String) shop.order(agent, hungary,
                Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "HU"), 2)).get("id");
        hungarianSql = (String) shop.order(agent, hungary,
                Shop.line(0, shop.offer(agent, SQL_STANDARD, "0001", "HU"), 1)).get("id");
        formulaWindows = (String) shop.order(agent, formula,
                Shop.line(0, shop.offer(agent, WS2022_STANDARD, "0001", "DE"), 1)).get("id");
        assertThat(shop.cancel(agent, hungary, hungarianSql).status()).isEqualTo(200);
    }

    @Test
    void everyCustomersOrdersComeNewestFirstWithTheCustomerNamed() {
        List<Map<String, Object>> all = Shop.items(send("GET", "/v1/orders?size=500", loginDemo("sales.agent@partner.demo"), null));
        assertThat(all).extracting(order -> order.get("id")).contains(hungarianWindows, hungarianSql, formulaWindows);
        assertThat(all).extracting(order -> Instant.parse((String) order.get("creationDate")))
                .isSortedAccordingTo(Comparator.reverseOrder());
        Map<String, Object> windows = all.stream().filter(order -> order.get("id").equals(hungarianWindows)).findFirst().orElseThrow();
        assertThat(windows).containsEntry("referenceCustomerId", hungary).containsEntry("customerName", "Across Kft.")
                .containsEntry("currencyCode", "HUF").containsEntry("status", "completed");
        assertThat(Shop.lines(windows).get(0)).containsEntry("productId", WS2022_STANDARD).containsEntry("quantity", 2);
        assertThat(send("GET", "/v1/orders", loginDemo("global.admin@partner.demo"), null).status()).isEqualTo(200);
    }

    @Test
    void theFiltersNarrowTheListAndCombine() {
        assertThat(ids("/v1/orders?customerId=" + hungary)).containsExactly(hungarianSql, hungarianWindows);
        assertThat(ids("/v1/orders?customerId=" + shop.domainOf(hungary))).containsExactly(hungarianSql, hungarianWindows);
        assertThat(ids("/v1/orders?customerId=" + hungary + "&status=cancelled")).containsExactly(hungarianSql);
        assertThat(ids("/v1/orders?customerId=" + hungary + "&status=completed&productId=" + WS2022_STANDARD))
                .containsExactly(hungarianWindows);
        assertThat(ids("/v1/orders?productId=" + WS2022_STANDARD + "&size=500")).contains(hungarianWindows, formulaWindows)
                .doesNotContain(hungarianSql);
        Instant created = Instant.parse((String) send("GET", Shop.ordersOf(hungary) + "/" + hungarianWindows, agent, null)
                .json().get("creationDate"));
        assertThat(ids("/v1/orders?customerId=" + hungary + "&createdFrom=" + created + "&createdTo=" + created.plusNanos(1_000)))
                .containsExactly(hungarianWindows);
        assertThat(ids("/v1/orders?customerId=" + hungary + "&createdTo=" + created)).isEmpty();
    }

    @Test
    void pagesFollowTheRelativeNextLinkWithTheSameFilters() {
        List<String> seen = new ArrayList<>();
        String path = "/v1/orders?customerId=" + hungary + "&size=1";
        for (int page = 0; page < 5 && path != null; page++) {
            Answer answer = send("GET", path, agent, null);
            Shop.items(answer).forEach(order -> seen.add((String) order.get("id")));
            assertThat(answer.json()).containsEntry("totalCount", Shop.items(answer).size());
            Map<String, Object> links = Shop.map(answer.json().get("links"));
            if (links == null || links.get("next") == null) {
                path = null;
            } else {
                String uri = (String) Shop.map(links.get("next")).get("uri");
                assertThat(uri).startsWith("orders?customerId=" + hungary).contains("size=1").contains("continuationToken=");
                path = "/v1/" + uri;
            }
        }
        assertThat(seen).containsExactly(hungarianSql, hungarianWindows);
    }

    @Test
    void theWholeFilteredListComesAsCsvWithFormulasDisarmed() {
        Answer csv = send("GET", "/v1/orders?customerId=" + formula + "&format=csv", agent, null);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("orders.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("customerId,customerName,orderId,creationDate,status,currencyCode,billingCycle,"
                + "lineItemNumber,productId,skuId,friendlyName,quantity,termDuration,net,tax,gross,taxIncluded,lineStatus,createdBy");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(formula + ",\"'=HYPERLINK(\"\"http://evil.example\"\")\"," + formulaWindows + ",")
                .contains(",EUR,one_time,0," + WS2022_STANDARD + ",");
        Answer accepted = send("GET", "/v1/orders?customerId=" + formula, agent, null, "Accept", "text/csv");
        assertThat(accepted.body()).isEqualTo(csv.body());
    }

    @Test
    void theLicenceInventoryListsEveryCustomersSoftwareWithQuantityAndFilters() {
        List<Map<String, Object>> hungarian = Shop.items(send("GET", "/v1/software?customerId=" + hungary, agent, null));
        assertThat(hungarian).extracting(line -> line.get("orderId")).containsExactly(hungarianSql, hungarianWindows);
        assertThat(hungarian.get(1)).containsEntry("customerId", hungary).containsEntry("customerName", "Across Kft.")
                .containsEntry("productId", WS2022_STANDARD).containsEntry("status", "active").containsEntry("quantity", 2)
                .containsEntry("keyAvailable", true);
        assertThat(hungarian.get(0)).containsEntry("status", "cancelled").containsEntry("quantity", 0);
        assertThat(Shop.items(send("GET", "/v1/software?customerId=" + hungary + "&status=active", agent, null)))
                .extracting(line -> line.get("orderId")).containsExactly(hungarianWindows);
        assertThat(Shop.items(send("GET", "/v1/software?productId=" + WS2022_STANDARD + "&size=500", agent, null)))
                .extracting(line -> line.get("orderId")).contains(hungarianWindows, formulaWindows).doesNotContain(hungarianSql);

        Answer csv = send("GET", "/v1/software?customerId=" + hungary + "&status=active&format=csv", agent, null);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("customerId,customerName,id,orderId,lineItemNumber,productId,");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(hungary + ",Across Kft.,").contains("," + hungarianWindows + ",0," + WS2022_STANDARD + ",")
                .contains(",active,2,");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertField(send("GET", "/v1/orders?status=shipped", agent, null), "status_filter_invalid", "status");
        assertField(send("GET", "/v1/software?status=completed", agent, null), "status_filter_invalid", "status");
        assertField(send("GET", "/v1/orders?customerId=nobody.example", agent, null), "customer_not_found", "customerId");
        assertField(send("GET", "/v1/orders?createdFrom=yesterday", agent, null), "validation_failed", "createdFrom");
        assertField(send("GET", "/v1/software?purchasedFrom=2026-12-01&purchasedTo=2026-11-01", agent, null),
                "date_filter_range_invalid", "purchasedTo");
        assertField(send("GET", "/v1/orders?continuationToken=bm90LWEtdG9rZW4", agent, null), "continuation_token_invalid",
                "continuationToken");
        assertField(send("GET", "/v1/orders?format=xml", agent, null), "format_unsupported", "format");
        assertField(send("GET", "/v1/orders?format=csv&status=shipped", agent, null), "status_filter_invalid", "status");
    }

    @Test
    void onlyTheRolesThatViewAcrossCustomersGetIn() {
        String customerAdmin = loginDemo("customer.admin@contoso.demo");
        String activityReader = loginDemo("account.admin@partner.demo");
        for (String path : List.of("/v1/orders", "/v1/software", "/v1/pricesheets?country=HU", "/v1/orders?format=csv")) {
            assertThat(send("GET", path, customerAdmin, null).status()).as(path).isEqualTo(403);
            assertThat(send("GET", path, activityReader, null).status()).as(path).isEqualTo(403);
            assertThat(send("GET", path, null, null).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void thePriceSheetShowsEverySkuOfTheMarketWithItsTaxTreatment() {
        List<Map<String, Object>> hungarian = Shop.items(send("GET", "/v1/pricesheets?country=hu", agent, null));
        Map<String, Object> windows = hungarian.stream().filter(row -> WS2022_STANDARD.equals(row.get("productId"))
                && "0001".equals(row.get("skuId"))).findFirst().orElseThrow();
        BigDecimal list = shop.listPrice(agent, WS2022_STANDARD, "0001", "HU");
        assertThat(windows).containsEntry("market", "HU").containsEntry("currency", "HUF").containsEntry("taxIncluded", false)
                .containsEntry("taxRate", "0.27").containsEntry("contractType", "perpetual").containsEntry("isPurchasable", true)
                .containsEntry("publisher", "Microsoft Corporation").containsEntry("termDuration", null);
        assertThat(amount(windows.get("unitPrice"))).isEqualByComparingTo(list);
        assertThat(amount(windows.get("unitNet"))).isEqualByComparingTo(list);
        assertThat(amount(windows.get("unitGross"))).isEqualByComparingTo(list.multiply(new BigDecimal("1.27"))
                .setScale(2, RoundingMode.HALF_UP));
        assertThat(hungarian).allSatisfy(row -> assertThat(row).containsEntry("currency", "HUF"));

        Map<String, Object> australian = Shop.items(send("GET", "/v1/pricesheets?country=AU", agent, null)).stream()
                .filter(row -> WS2022_STANDARD.equals(row.get("productId"))).findFirst().orElseThrow();
        assertThat(australian).containsEntry("taxIncluded", true).containsEntry("currency", "AUD");
        assertThat(amount(australian.get("unitGross"))).isEqualByComparingTo(amount(australian.get("unitPrice")));

        List<Map<String, Object>> greenland = Shop.items(send("GET", "/v1/pricesheets?country=GL", agent, null));
        assertThat(greenland).filteredOn(row -> ((String) row.get("productTitle")).startsWith("Reserved VM Instance"))
                .isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("isPurchasable", false));
        assertThat(greenland).filteredOn(row -> WS2022_STANDARD.equals(row.get("productId")))
                .allSatisfy(row -> assertThat(row).containsEntry("isPurchasable", true));

        Answer csv = send("GET", "/v1/pricesheets?country=HU&format=csv", loginDemo("global.admin@partner.demo"), null);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("ProductId,ProductTitle,SkuId,SkuTitle,Publisher,AvailabilityId,CatalogItemId,"
                + "ContractType,TermDuration,BillingPlan,Market,Currency,UnitPrice,TaxIncluded,TaxRate,UnitNet,UnitTax,"
                + "UnitGross,IsPurchasable");
        assertThat(lines).hasSize(hungarian.size() + 1);

        assertField(send("GET", "/v1/pricesheets?country=XX", agent, null), "country_invalid", "country");
        assertField(send("GET", "/v1/pricesheets", agent, null), "country_invalid", "country");
    }

    private List<String> ids(String path) {
        return Shop.items(send("GET", path, agent, null)).stream().map(order -> (String) order.get("id")).toList();
    }

    private static BigDecimal amount(Object money) {
        return new BigDecimal((String) Shop.map(money).get("amount"));
    }

    private static void assertField(Answer answer, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.problemCode()).as(answer.toString()).isEqualTo(code);
        assertThat(String.valueOf(answer.json().get("errors"))).as(answer.toString()).contains("field=" + field);
    }
}
