package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 4, buying like a partner buys, in English and in German: the catalog's prices ("from …") and its
 * search by product and SKU text, the quantity limits on the product page, a cart with two products (one of them
 * three times), a quantity changed and a line removed, a quantity the SKU's range refuses with a clear message,
 * the review of the whole cart and ONE order with both lines, the cart empty afterwards — and a second post of the
 * review's form placing nothing more. Item 2: the catalog's descriptions and SKU titles in German.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CartBrowserTest extends BrowserTest {

    /** Windows Server 2022 Standard, 16 Core License Pack, in euros. */
    private static final String STANDARD_16_EUR = "DG7GMGF0BHXC:0001:DZH318Z0CUQM";
    /** Windows Server 2022 Standard, 2 Core License Pack, in euros. */
    private static final String STANDARD_2_EUR = "DG7GMGF0BHXC:0002:DZH318Z0FEVT";

    private String token;
    private String english;
    private String german;
    private String sqlOffer;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void customers() {
        token = apiLogin(ADMIN_AGENT);
        english = createCustomer(token, "Cart Test Ltd", "cart-" + UUID.randomUUID().toString().substring(0, 8) + ".example", "DE");
        german = createCustomer(token, "Warenkorb AG", "warenkorb-" + UUID.randomUUID().toString().substring(0, 8) + ".example", "DE");
        sqlOffer = (String) ((List<Map<String, Object>>) api("GET", "/v1/products/" + SQL_SERVER_2022_STANDARD
                + "/skus/0001/availabilities?country=DE", token, null).json().get("items")).get(0).get("catalogItemId");
    }

    @Test
    @Order(1)
    void theCatalogShowsPricesAndIsSearchedByProductAndSkuText() {
        signIn(ADMIN_AGENT);
        open("/ui/customers/" + english + "/products");
        // Windows Server 2022 Standard: two SKUs at two prices, so its lowest (the 2-core pack, €123.28) "from".
        String standard = text("tr[data-product='" + WINDOWS_SERVER_2022_STANDARD + "'] [data-price=from]");
        assertThat(standard).startsWith("from ");
        assertThat(digits(standard)).isEqualTo("12328");
        // SQL Server 2022 Standard: one SKU, one price, no "from".
        String sql = text("tr[data-product='" + SQL_SERVER_2022_STANDARD + "'] [data-price=from]");
        assertThat(sql).doesNotStartWith("from");
        assertThat(digits(sql)).isEqualTo(digits(priceOf(sqlOffer)));
        assertThat(all("tr[data-product] [data-price=from]")).allSatisfy(cell -> assertThat(cell.getText()).matches(".*\\d.*"));
        assertThat(text("[data-action=view-cart]")).isEqualTo("Cart (empty)");
        screenshot("cart-01-catalog-prices");
        assertAccessible("catalog with prices");

        find("#catalog-q").sendKeys("sql");
        click("form[data-search=catalog] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("q=sql"));
        List<String> found = productTitles();
        assertThat(found).isNotEmpty().allSatisfy(title -> assertThat(title).contains("SQL"));
        assertThat(found).contains("SQL Server 2022 Standard").doesNotContain("Windows Server 2022 Standard");
        assertThat(text("[data-search=found]")).isEqualTo("Products matching “sql”: " + found.size());
        assertAccessible("catalog search");

        // A SKU's text finds its product: "16 Core" is a pack of the Windows Server products only.
        find("#catalog-q").clear();
        find("#catalog-q").sendKeys("16 core");
        click("form[data-search=catalog] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("q=16+core"));
        assertThat(productTitles()).contains("Windows Server 2022 Standard", "Windows Server 2022 Datacenter")
                .allSatisfy(title -> assertThat(title).startsWith("Windows Server"));

        find("#catalog-q").clear();
        find("#catalog-q").sendKeys("nothing-like-this");
        click("form[data-search=catalog] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("q=nothing-like-this"));
        assertThat(text(".empty strong")).isEqualTo("No product matches “nothing-like-this”.");
        assertAccessible("catalog search without results");
    }

    @Test
    @Order(2)
    void twoProductsGoInTheCartOneThreeTimesAQuantityChangesALineIsRemoved() {
        open("/ui/customers/" + english + "/products?q=Windows+Server+2022+Standard");
        browser.findElement(By.linkText("Windows Server 2022 Standard")).click();
        WebElement pack = find("article[data-offer='" + STANDARD_16_EUR + "']");
        // The SKU's limits: on the field and in words beside it.
        WebElement quantity = pack.findElement(By.name("quantity"));
        assertThat(quantity.getAttribute("min")).isEqualTo("1");
        assertThat(quantity.getAttribute("max")).isEqualTo("1000");
        assertThat(pack.findElement(By.cssSelector("[data-limits=quantity]")).getText()).isEqualTo("Quantity 1 to 1,000");
        assertAccessible("product");
        addToCart(STANDARD_16_EUR, 3);
        assertThat(text(".flash")).isEqualTo("Added to the cart.");
        assertThat(text("article[data-line='1'] h2")).isEqualTo("Windows Server 2022 Standard — 16 Core License Pack");
        assertThat(find("#quantity-1").getAttribute("value")).isEqualTo("3");

        click("[data-action=continue-shopping]");
        wait.until(d -> path().endsWith("/products"));
        assertThat(text("[data-action=view-cart]")).isEqualTo("Cart (1)");
        browser.findElement(By.linkText("SQL Server 2022 Standard")).click();
        wait.until(d -> path().endsWith("/products/" + SQL_SERVER_2022_STANDARD));
        addToCart(sqlOffer, 1);
        assertThat(all("article[data-line]")).hasSize(2);
        assertThat(text("article[data-line='2'] h2")).isEqualTo("SQL Server 2022 Standard — 2 Core License Pack");

        // A third line, then removed.
        open("/ui/customers/" + english + "/products/" + WINDOWS_SERVER_2022_STANDARD);
        addToCart(STANDARD_2_EUR, 1);
        assertThat(all("article[data-line]")).hasSize(3);
        find("article[data-line='3'] [data-action=remove-line]").click();
        wait.until(d -> d.getCurrentUrl().contains("done=cart_line_removed"));
        assertThat(text(".flash")).isEqualTo("The line was removed from the cart.");
        assertThat(all("article[data-line]")).hasSize(2);

        // The SQL line's quantity: 1 → 4.
        find("#quantity-2").clear();
        find("#quantity-2").sendKeys("4");
        find("article[data-line='2'] [data-action=update-line]").click();
        wait.until(d -> d.getCurrentUrl().contains("done=cart_updated"));
        assertThat(text(".flash")).isEqualTo("The cart was updated.");
        assertThat(find("#quantity-2").getAttribute("value")).isEqualTo("4");
        assertThat(text("article[data-line='2'] [data-limits=quantity]")).isEqualTo("Quantity 1 to 1,000");
        assertAccessible("cart");
    }

    /** The SKU's range counts what the order would have: 3 in the cart and 998 more is one too many. */
    @Test
    @Order(3)
    void aQuantityPastTheSkusMaximumIsRefusedWithAClearMessageAndTheCartStaysAsItWas() {
        open("/ui/customers/" + english + "/products/" + WINDOWS_SERVER_2022_STANDARD);
        setQuantity(STANDARD_16_EUR, 998);
        find("article[data-offer='" + STANDARD_16_EUR + "'] [data-action=add-to-cart]").click();
        wait.until(d -> present("[data-error=add]"));
        assertThat(text("[data-error=add]")).isEqualTo("This order would have 1,001 of this SKU; one order can have 1 to 1,000.");
        WebElement quantity = find("article[data-offer='" + STANDARD_16_EUR + "'] input[name=quantity]");
        assertThat(quantity.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(quantity.getAttribute("value")).isEqualTo("998");
        assertAccessible("product with a refused quantity");

        // In the cart too, with the browser's own check of the field's maximum out of the way (as a script or an old browser could).
        open("/ui/customers/" + english + "/cart");
        script("document.getElementById('quantity-1').removeAttribute('max');");
        find("#quantity-1").clear();
        find("#quantity-1").sendKeys("1001");
        find("article[data-line='1'] [data-action=update-line]").click();
        wait.until(d -> present("[data-error=quantity]"));
        assertThat(text("#quantity-1-error")).isEqualTo("This order would have 1,001 of this SKU; one order can have 1 to 1,000.");
        assertThat(present("[data-action=place-order]")).isFalse();
        assertAccessible("cart with a refused quantity");
        open("/ui/customers/" + english + "/cart");
        assertThat(find("#quantity-1").getAttribute("value")).isEqualTo("3");
        assertThat(find("#quantity-2").getAttribute("value")).isEqualTo("4");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void theWholeCartIsPlacedAsOneOrderOnceAndTheCartIsEmptyAfterwards() {
        open("/ui/customers/" + english + "/cart");
        screenshot("cart-02-review");
        String gross = text("[data-price=gross]");
        Map<String, String> form = (Map<String, String>) script("var f = document.querySelector('form[action$=\"/orders\"]');"
                + "var o = {}; f.querySelectorAll('input').forEach(function (i) { o[i.name] = i.value; }); return o;");
        click("[data-action=place-order]");
        wait.until(d -> path().contains("/orders/"));
        String orderPath = path();
        assertThat(text(".flash")).isEqualTo("The order was placed.");

        List<Map<String, Object>> orders = (List<Map<String, Object>>) api("GET", "/v1/customers/" + english + "/orders", token, null)
                .json().get("items");
        assertThat(orders).hasSize(1);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) orders.get(0).get("lineItems");
        assertThat(lines).extracting(line -> line.get("offerId") + " × " + line.get("quantity"))
                .containsExactly(STANDARD_16_EUR + " × 3", sqlOffer + " × 4");
        Map<String, Object> totals = (Map<String, Object>) orders.get(0).get("totals");
        assertThat(digits(gross)).as("the review's gross is the order's").isEqualTo(digits((String) ((Map<String, Object>) totals.get("gross")).get("amount")));
        assertThat(orderPath).endsWith("/orders/" + orders.get(0).get("id"));

        open("/ui/customers/" + english + "/cart");
        assertThat(text("[data-cart=empty] strong")).isEqualTo("The cart is empty.");
        assertThat(present("[data-action=place-order]")).isFalse();
        assertAccessible("empty cart");

        // The review's form posted again (a double click, a reload): the first answer again, no second order.
        script("var fields = arguments[1]; var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                + "Object.keys(fields).forEach(function (k) { var i = document.createElement('input'); i.type = 'hidden';"
                + " i.name = k; i.value = fields[k]; f.appendChild(i); });"
                + "document.body.appendChild(f); f.submit();", "/ui/customers/" + english + "/orders", form);
        wait.until(d -> path().equals(orderPath));
        assertThat(api("GET", "/v1/customers/" + english + "/orders", token, null).json().get("items")).asList().hasSize(1);
        open("/ui/customers/" + english + "/cart");
        assertThat(present("[data-cart=empty]")).isTrue();
    }

    /** The same in German: the catalog's texts, the limits, the refusal and the cart. */
    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void inGerman() {
        open("/ui/language/de?next=/ui/customers/" + german + "/products");
        wait.until(d -> path().endsWith("/products"));
        assertThat(text("tr[data-product='" + WINDOWS_SERVER_2022_STANDARD + "'] [data-price=from]")).startsWith("ab ");
        assertThat(text("tr[data-product='" + WINDOWS_SERVER_2022_STANDARD + "'] small"))
                .startsWith("Unbefristete Lizenz für Windows Server 2022 Standard");
        find("#catalog-q").sendKeys("kernen");
        click("form[data-search=catalog] button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("q=kernen"));
        assertThat(productTitles()).contains("Windows Server 2022 Standard", "SQL Server 2022 Standard");
        assertThat(text("[data-search=found]")).startsWith("Produkte passend zu „kernen“: ");
        assertAccessible("catalog search (de)");

        browser.findElement(By.linkText("Windows Server 2022 Standard")).click();
        wait.until(d -> path().endsWith("/products/" + WINDOWS_SERVER_2022_STANDARD));
        WebElement pack = find("article[data-offer='" + STANDARD_16_EUR + "']");
        assertThat(pack.findElement(By.tagName("h3")).getText()).isEqualTo("Lizenzpaket mit 16 Kernen");
        assertThat(pack.findElement(By.cssSelector("[data-limits=quantity]")).getText()).isEqualTo("Menge 1 bis 1.000");
        assertAccessible("product (de)");
        addToCart(STANDARD_16_EUR, 3);
        assertThat(text(".flash")).isEqualTo("Zum Warenkorb hinzugefügt.");
        assertThat(text("h1")).isEqualTo("Warenkorb: Bestellung prüfen und aufgeben");
        assertThat(text("article[data-line='1'] h2")).isEqualTo("Windows Server 2022 Standard — Lizenzpaket mit 16 Kernen");

        open("/ui/customers/" + german + "/products/" + SQL_SERVER_2022_STANDARD);
        addToCart(sqlOffer, 1);
        find("#quantity-2").clear();
        find("#quantity-2").sendKeys("2");
        find("article[data-line='2'] [data-action=update-line]").click();
        wait.until(d -> d.getCurrentUrl().contains("done=cart_updated"));
        assertThat(text(".flash")).isEqualTo("Der Warenkorb wurde aktualisiert.");

        open("/ui/customers/" + german + "/products/" + WINDOWS_SERVER_2022_STANDARD);
        setQuantity(STANDARD_16_EUR, 1000);
        find("article[data-offer='" + STANDARD_16_EUR + "'] [data-action=add-to-cart]").click();
        wait.until(d -> present("[data-error=add]"));
        assertThat(text("[data-error=add]")).isEqualTo("Diese Bestellung hätte 1.003 Stück dieser SKU; eine Bestellung kann 1 bis 1.000 enthalten.");
        assertAccessible("product with a refused quantity (de)");

        open("/ui/customers/" + german + "/cart");
        assertThat(text("[data-action=place-order]")).isEqualTo("Bestellung aufgeben");
        screenshot("de-cart-review");
        assertAccessible("cart (de)");
        click("[data-action=place-order]");
        wait.until(d -> path().contains("/orders/"));
        List<Map<String, Object>> orders = (List<Map<String, Object>>) api("GET", "/v1/customers/" + german + "/orders", token, null)
                .json().get("items");
        assertThat(orders).hasSize(1);
        assertThat((List<Map<String, Object>>) orders.get(0).get("lineItems"))
                .extracting(line -> line.get("offerId") + " × " + line.get("quantity"))
                .containsExactly(STANDARD_16_EUR + " × 3", sqlOffer + " × 2");
        // The order page and the software cards name what was bought with the SKU in German, as the cart did.
        assertThat(pageText()).contains("Windows Server 2022 Standard – Lizenzpaket mit 16 Kernen");
        assertAccessible("the placed order (de)");
        open("/ui/customers/" + german);
        assertThat(all("article h3")).extracting(WebElement::getText)
                .contains("Windows Server 2022 Standard – Lizenzpaket mit 16 Kernen");
        open("/ui/customers/" + german + "/cart");
        assertThat(text("[data-cart=empty] strong")).isEqualTo("Der Warenkorb ist leer.");
        assertAccessible("empty cart (de)");
        open("/ui/language/en?next=/ui/customers");
    }

    /** Buying is for those who may place orders: a sales agent's cart page and post are refused. */
    @Test
    @Order(6)
    void aSalesAgentMayNotUseTheCart() {
        signOut();
        signIn(SALES_AGENT);
        open("/ui/customers/" + english + "/cart");
        assertThat(text("h1, .empty strong")).isEqualTo("Not allowed");
        String csrf = (String) script("return document.querySelector('meta[name=csrf-token]').content;");
        Object status = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'offerId=' + encodeURIComponent(arguments[1]) + '&quantity=1&csrfToken=' + encodeURIComponent(arguments[2])})"
                + ".then(function (r) { done(r.status); }, function () { done(-1); });",
                "/ui/customers/" + english + "/cart", STANDARD_16_EUR, csrf);
        assertThat(((Number) status).intValue()).isEqualTo(403);
    }

    private void addToCart(String offerId, int quantity) {
        setQuantity(offerId, quantity);
        find("article[data-offer='" + offerId + "'] [data-action=add-to-cart]").click();
        wait.until(d -> path().endsWith("/cart"));
    }

    private void setQuantity(String offerId, int quantity) {
        WebElement field = find("article[data-offer='" + offerId + "'] input[name=quantity]");
        field.clear();
        field.sendKeys(String.valueOf(quantity));
    }

    private List<String> productTitles() {
        return all("tr[data-product] td:first-child a").stream().map(WebElement::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private String priceOf(String offerId) {
        String[] parts = offerId.split(":");
        List<Map<String, Object>> items = (List<Map<String, Object>>) api("GET", "/v1/products/" + parts[0] + "/skus/" + parts[1]
                + "/availabilities?country=DE", token, null).json().get("items");
        Map<String, Object> availability = items.stream().filter(a -> offerId.equals(a.get("catalogItemId"))).findFirst().orElseThrow();
        return (String) ((Map<String, Object>) availability.get("listPrice")).get("amount");
    }

    /** The figures of an amount, however the reader's language writes it: "€1,234.50" and "1.234,50 €" are both 123450. */
    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
