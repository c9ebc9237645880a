package com.cspdesk.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** api.md "Catalog": products → SKUs → availabilities for one country, the ids read from the API itself. */
@MicronautTest(transactional = false)
class CatalogEndToEndTest extends EndToEnd {

    private static final String WS2022_STANDARD = "Windows Server 2022 Standard";
    private String agent;

    @BeforeAll
    void signIn() {
        agent = loginDemo("admin.agent@partner.demo");
    }

    @Test
    void perpetualSoftwareForHungaryIsPricedInForintWithoutTax() {
        Answer products = send("GET", "/v1/products?country=HU&targetView=SoftwarePerpetual", agent, null);
        assertThat(products.status()).as(products.toString()).isEqualTo(200);
        assertThat(((Number) products.json().get("totalCount")).intValue()).isEqualTo(items(products).size());
        Map<String, Object> product = byTitle(items(products), WS2022_STANDARD);
        assertThat(product).containsKeys("id", "description").containsEntry("publisherName", "Microsoft Corporation");
        assertThat(product.get("productType")).isEqualTo(Map.of("id", "SoftwarePerpetual", "displayName", "Perpetual software"));
        assertThat(items(products)).allSatisfy(p -> assertThat(((Map<?, ?>) p.get("productType")).get("id")).isEqualTo("SoftwarePerpetual"));

        String productId = (String) product.get("id");
        Answer skus = send("GET", "/v1/products/" + productId + "/skus?country=HU", agent, null);
        assertThat(skus.status()).as(skus.toString()).isEqualTo(200);
        Map<String, Object> sku = items(skus).get(0);
        assertThat(sku).containsEntry("productId", productId).containsEntry("contractType", "perpetual")
                .containsEntry("termDuration", null).containsEntry("cancellable", true)
                .containsKeys("id", "title", "minimumQuantity", "maximumQuantity", "languages", "bitness");
        assertThat(sku.get("supportedBillingCycles").toString()).contains("one_time");
        assertThat(sku.get("versions").toString()).startsWith("[2022").contains("2019");
        assertThat(skus.body()).contains("\"termDuration\":null");

        String skuId = (String) sku.get("id");
        Answer availabilities = send("GET", "/v1/products/" + productId + "/skus/" + skuId + "/availabilities?country=HU", agent, null);
        assertThat(availabilities.status()).as(availabilities.toString()).isEqualTo(200);
        Map<String, Object> availability = items(availabilities).get(0);
        assertThat(availability).containsEntry("country", "HU").containsEntry("currency", "HUF")
                .containsEntry("isPurchasable", true).containsEntry("taxIncluded", false)
                .containsEntry("catalogItemId", productId + ":" + skuId + ":" + availability.get("id"))
                .doesNotContainKey("baseComputePrice");
        Map<?, ?> price = (Map<?, ?>) availability.get("listPrice");
        assertThat(price.get("currency")).isEqualTo("HUF");
        assertThat(price.get("amount")).isInstanceOf(String.class);
        assertThat((String) price.get("amount")).matches("\\d+\\.\\d{2}");
        assertThat(availability.get("terms")).isEqualTo(List.of(mapOf("duration", null, "description", "Perpetual, no term")));
    }

    @Test
    void australianPricesAreInDollarsWithGstIncluded() {
        Map<String, Object> availability = firstAvailability("AU", "SoftwarePerpetual", WS2022_STANDARD);
        assertThat(availability).containsEntry("country", "AU").containsEntry("currency", "AUD")
                .containsEntry("taxIncluded", true).containsEntry("isPurchasable", true);
        assertThat(((Map<?, ?>) availability.get("listPrice")).get("currency")).isEqualTo("AUD");
    }

    @Test
    void subscriptionsShowTheirTerm() {
        Answer products = send("GET", "/v1/products?country=DE&targetView=SoftwareSubscriptions", agent, null);
        Map<String, Object> product = byTitle(items(products), WS2022_STANDARD + " Subscription");
        Answer skus = send("GET", "/v1/products/" + product.get("id") + "/skus?country=DE", agent, null);
        assertThat(items(skus)).extracting(s -> s.get("termDuration")).contains("P1Y", "P3Y");
        assertThat(items(skus)).extracting(s -> s.get("contractType")).containsOnly("subscription");
        Map<String, Object> oneYear = items(skus).stream().filter(s -> "P1Y".equals(s.get("termDuration"))).findFirst().orElseThrow();
        Answer availabilities = send("GET", "/v1/products/" + product.get("id") + "/skus/" + oneYear.get("id")
                + "/availabilities?country=DE", agent, null, "Accept-Language", "de");
        assertThat(items(availabilities).get(0)).containsEntry("currency", "EUR")
                .containsEntry("terms", List.of(Map.of("duration", "P1Y", "description", "1 Jahr")));
    }

    @Test
    void azureReservationsAreNotPurchasableInGreenlandButAreInHungary() {
        Map<String, Object> greenland = firstAvailability("GL", "AzureReservationsVM", null);
        assertThat(greenland).containsEntry("country", "GL").containsEntry("isPurchasable", false).containsKey("baseComputePrice");
        Map<String, Object> hungary = firstAvailability("HU", "AzureReservationsVM", null);
        assertThat(hungary).containsEntry("isPurchasable", true).containsEntry("currency", "HUF");
        assertThat(((Map<?, ?>) hungary.get("baseComputePrice")).get("currency")).isEqualTo("HUF");

        Answer products = send("GET", "/v1/products?country=GL&targetView=AzureReservationsVM", agent, null);
        String productId = (String) items(products).get(0).get("id");
        Answer skus = send("GET", "/v1/products/" + productId + "/skus?country=GL", agent, null);
        assertThat(items(skus).get(0)).containsEntry("contractType", "reservation").containsEntry("versions", List.of());
    }

    @Test
    void withoutTargetViewEveryProductIsListedAndTheTargetViewIsCaseInsensitive() {
        List<Map<String, Object>> all = items(send("GET", "/v1/products?country=SE", agent, null));
        List<Map<String, Object>> perpetual = items(send("GET", "/v1/products?country=se&targetView=softwareperpetual", agent, null));
        assertThat(all.size()).isGreaterThan(perpetual.size());
        assertThat(all).extracting(p -> (Object) ((Map<?, ?>) p.get("productType")).get("id"))
                .contains("SoftwarePerpetual", "SoftwareSubscriptions", "AzureReservationsVM", "AzureReservationsSQL");
        assertThat(perpetual).isNotEmpty();
    }

    @Test
    void theCountryIsRequiredAndMustBeAnIsoCode() {
        for (String query : List.of("", "?country=", "?country=XX", "?country=HUN", "?country=H1")) {
            Answer answer = send("GET", "/v1/products" + query, agent, null);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.problemCode()).isEqualTo("country_invalid");
            assertThat(answer.json().get("errors").toString()).contains("field=country");
        }
        String productId = productId("HU", WS2022_STANDARD);
        Answer skus = send("GET", "/v1/products/" + productId + "/skus", agent, null, "Accept-Language", "hu");
        assertThat(skus.status()).isEqualTo(400);
        assertThat(skus.problemCode()).isEqualTo("country_invalid");
        assertThat((String) skus.json().get("title")).isEqualTo("Érvénytelen ország");
        Answer availabilities = send("GET", "/v1/products/" + productId + "/skus/0001/availabilities?country=ZZ", agent, null);
        assertThat(availabilities.status()).isEqualTo(400);
        assertThat(availabilities.problemCode()).isEqualTo("country_invalid");
    }

    @Test
    void anUnknownTargetViewIs400() {
        Answer answer = send("GET", "/v1/products?country=HU&targetView=Games", agent, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("target_view_unknown");
        assertThat(answer.json().get("errors").toString()).contains("field=targetView");
    }

    @Test
    void unknownProductsAndSkusAre404() {
        Answer product = send("GET", "/v1/products/NOSUCHPRODUCT/skus?country=HU", agent, null);
        assertThat(product.status()).isEqualTo(404);
        assertThat(product.problemCode()).isEqualTo("product_not_found");
        assertThat((String) product.json().get("detail")).contains("NOSUCHPRODUCT");

        Answer productOfAvailability = send("GET", "/v1/products/NOSUCHPRODUCT/skus/0001/availabilities?country=HU", agent, null);
        assertThat(productOfAvailability.status()).isEqualTo(404);
        assertThat(productOfAvailability.problemCode()).isEqualTo("product_not_found");

        String productId = productId("HU", WS2022_STANDARD);
        Answer sku = send("GET", "/v1/products/" + productId + "/skus/9999/availabilities?country=HU", agent, null);
        assertThat(sku.status()).isEqualTo(404);
        assertThat(sku.problemCode()).isEqualTo("sku_not_found");
        assertThat((String) sku.json().get("detail")).contains("9999", productId);
    }

    @Test
    void thePartnersAgentsAndGlobalAdminsMayBrowseOthersMayNot() {
        for (String user : List.of("admin.agent@partner.demo", "sales.agent@partner.demo", "global.admin@partner.demo")) {
            assertThat(send("GET", "/v1/products?country=HU", loginDemo(user), null).status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("account.admin@partner.demo", "referral.admin@partner.demo",
                "marketing.admin@partner.demo", "customer.admin@contoso.demo")) {
            Answer answer = send("GET", "/v1/products?country=HU", loginDemo(user), null);
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.problemCode()).isEqualTo("forbidden");
        }
        String productId = productId("HU", WS2022_STANDARD);
        String accountAdmin = loginDemo("account.admin@partner.demo");
        assertThat(send("GET", "/v1/products/" + productId + "/skus?country=HU", accountAdmin, null).status()).isEqualTo(403);
        assertThat(send("GET", "/v1/products/" + productId + "/skus/0001/availabilities?country=HU", accountAdmin, null).status())
                .isEqualTo(403);
        Answer anonymous = send("GET", "/v1/products?country=HU", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemCode()).isEqualTo("unauthorized");
    }

    @Test
    void productTypesAreNamedInTheCallersLanguage() {
        Answer answer = send("GET", "/v1/products?country=HU&targetView=SoftwarePerpetual", agent, null, "Accept-Language", "hu");
        assertThat(((Map<?, ?>) byTitle(items(answer), WS2022_STANDARD).get("productType")).get("displayName"))
                .isEqualTo("Örökös licencű szoftver");
    }

    private String productId(String country, String title) {
        return (String) byTitle(items(send("GET", "/v1/products?country=" + country, agent, null)), title).get("id");
    }

    /** The first availability of the first SKU of the product with this title (or the view's first product). */
    private Map<String, Object> firstAvailability(String country, String targetView, String title) {
        List<Map<String, Object>> products = items(send("GET", "/v1/products?country=" + country + "&targetView=" + targetView, agent, null));
        Map<String, Object> product = title == null ? products.get(0) : byTitle(products, title);
        List<Map<String, Object>> skus = items(send("GET", "/v1/products/" + product.get("id") + "/skus?country=" + country, agent, null));
        Answer availabilities = send("GET", "/v1/products/" + product.get("id") + "/skus/" + skus.get(0).get("id")
                + "/availabilities?country=" + country, agent, null);
        assertThat(availabilities.status()).as(availabilities.toString()).isEqualTo(200);
        assertThat(items(availabilities)).as("availabilities of %s in %s", product.get("title"), country).hasSize(1);
        return items(availabilities).get(0);
    }

    private static Map<String, Object> byTitle(List<Map<String, Object>> products, String title) {
        return products.stream().filter(p -> title.equals(p.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no product titled " + title + " in " + products));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.json().get("items");
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
