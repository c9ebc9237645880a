package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 1 in a real Chromium: real activity (a purchase, a product key, a download link and a
 * download through it, the cancellation that withdraws them, and another admin's purchase for another
 * customer) read on the activity log in English and German: every detail under a translated label,
 * money the reader's way, no link id or other credential, the order and the customer a click away,
 * filters by customer and by user beside the kind; a customer's admin is not let in. Item 7: the
 * withdrawn link opened in the browser is a page in the reader's language.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivityLogBrowserTest extends BrowserTest {

    private String tenant;
    private String order;
    private String linkPath;
    private String linkId;
    private String otherOrder;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void realActivity() {
        String agent = apiLogin(ADMIN_AGENT);
        tenant = createCustomer(agent, "Aktivität GmbH", "aktivitaet.example", "DE");
        order = buy(agent, tenant, "DE", SQL_SERVER_2022_STANDARD, 1);
        softwareFile(SQL_SERVER_2022_STANDARD, "2022", "de-DE", "x64", "SQLServer2022-x64-DEU.iso", 4096);
        List<Map<String, Object>> software = (List<Map<String, Object>>) api("GET", "/v1/customers/" + tenant + "/software", agent, null)
                .json().get("items");
        String softwareId = (String) software.stream().filter(s -> SQL_SERVER_2022_STANDARD.equals(s.get("productId"))).findFirst()
                .orElseThrow().get("id");
        Map<String, Object> choice = Map.of("version", "2022", "language", "de-DE", "bitness", "x64");
        Api key = api("POST", "/v1/customers/" + tenant + "/software/" + softwareId + "/keys", agent, choice);
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        Api link = api("POST", "/v1/customers/" + tenant + "/software/" + softwareId + "/downloadlinks", agent, choice);
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        linkPath = URI.create((String) link.json().get("uri")).getPath();
        linkId = linkPath.substring(linkPath.lastIndexOf('/') + 1).split("\\.")[0];
        assertThat(api("GET", linkPath, null, null).status()).isEqualTo(200);
        Api cancelled = api("PATCH", "/v1/customers/" + tenant + "/orders/" + order, agent, Map.of("status", "cancelled",
                "acknowledged", true));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        otherOrder = buy(apiLogin(GLOBAL_ADMIN), FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 1);
    }

    @Test
    @Order(1)
    void aCustomersActivityReadsInEnglishWithLinksAndNoCredential() {
        signIn(GLOBAL_ADMIN);
        open("/ui/settings/activity");
        select("#customer", tenant);
        click("form.inline-form button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("customer=" + tenant));
        assertThat(operations()).contains("add_customer", "create_order", "get_software_key", "get_software_download_link",
                "download_software", "cancel_order", "issue_credit");
        assertThat(all("tr[data-operation]")).allSatisfy(row -> assertThat(row.getText()).contains("Aktivität GmbH"));

        WebElement cancellation = find("tr[data-operation=cancel_order]");
        assertThat(labels(cancellation)).containsExactly("Order", "Lines", "Credit");
        assertThat(detail(cancellation, "orderId")).isEqualTo(order);
        assertThat(detail(cancellation, "creditGross")).startsWith("€").doesNotContain("EUR");
        assertThat(labels(find("tr[data-operation=get_software_key]"))).containsExactly("Product", "Order", "Version", "Language",
                "Architecture");
        assertThat(detail(find("tr[data-operation=get_software_key]"), "language")).isEqualTo("German (Germany)");
        assertThat(labels(find("tr[data-operation=download_software]"))).contains("File", "Sent").doesNotContain("linkId");
        assertThat(detail(find("tr[data-operation=create_order]"), "totalGross")).startsWith("€");
        // No raw key, and nothing a link can be made from.
        assertThat(browser.getPageSource()).doesNotContain(linkId, "linkId", "creditGross:", "lineItems:", "totalGross:");
        assertThat(find("[data-action=export-csv]").getAttribute("href")).contains("CustomerId").contains(tenant);
        assertAccessible("activity log, one customer");

        // The order, a click away.
        cancellation.findElement(By.cssSelector("a[data-action=open-orderId]")).click();
        wait.until(d -> path().equals("/ui/customers/" + tenant + "/orders/" + order));
        assertThat(pageText()).contains(order);
        browser.navigate().back();
        wait.until(d -> path().equals("/ui/settings/activity"));
        // The customer too.
        click("tr[data-operation=add_customer] a[data-action=open-customer]");
        wait.until(d -> path().equals("/ui/customers/" + tenant));
        assertThat(pageText()).contains("Aktivität GmbH");
    }

    @Test
    @Order(2)
    void theLogIsFilteredByUserAndByCustomerBesideTheKind() {
        open("/ui/settings/activity");
        find("#user").sendKeys(GLOBAL_ADMIN);
        click("form.inline-form button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("user="));
        assertThat(all("tr[data-operation]")).isNotEmpty().allSatisfy(row ->
                assertThat(row.findElement(By.cssSelector("a[data-action=filter-user]")).getText()).isEqualTo(GLOBAL_ADMIN));
        assertThat(operations()).contains("create_order").doesNotContain("get_software_key", "cancel_order");
        assertThat(detail(find("tr[data-operation=create_order]"), "orderId")).isEqualTo(otherOrder);
        assertAccessible("activity log, one user");

        // Kind, user and customer at once; the user is one click on a row's name.
        open("/ui/settings/activity?kind=cancel_order&customer=" + tenant);
        assertThat(operations()).containsExactly("cancel_order");
        click("tr[data-operation=cancel_order] a[data-action=filter-user]");
        wait.until(d -> d.getCurrentUrl().contains("user="));
        assertThat(new org.openqa.selenium.support.ui.Select(find("#kind")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("cancel_order");
        assertThat(new org.openqa.selenium.support.ui.Select(find("#customer")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(tenant);
        assertThat(find("#user").getAttribute("value")).isEqualTo(ADMIN_AGENT);
        assertThat(operations()).containsExactly("cancel_order");
        String csv = find("[data-action=export-csv]").getAttribute("href");
        assertThat(URI.create(csv).getQuery()).contains("[", "OperationKind", "UserPrincipalName", "CustomerId");
        // Someone who did nothing for this customer: nothing to show.
        find("#user").clear();
        find("#user").sendKeys(ACCOUNT_ADMIN);
        click("form.inline-form button[type=submit]");
        wait.until(d -> d.getCurrentUrl().contains("account.admin"));
        assertThat(text(".card.empty strong")).isEqualTo("No activity in this date range");
        assertAccessible("activity log, nothing found");
        phone();
        try {
            open("/ui/settings/activity?customer=" + tenant);
            assertThat(all("tr[data-operation]")).isNotEmpty();
            assertAccessible("activity log on a phone");
        } finally {
            laptop();
        }
    }

    @Test
    @Order(3)
    void theSameInGerman() {
        open("/ui/language/de?next=" + URLEncoder.encode("/ui/settings/activity?customer=" + tenant, StandardCharsets.UTF_8));
        wait.until(d -> path().equals("/ui/settings/activity"));
        assertThat(text("label[for=user]")).isEqualTo("Benutzer");
        assertThat(text("label[for=customer]")).isEqualTo("Kunde");
        WebElement cancellation = find("tr[data-operation=cancel_order]");
        assertThat(labels(cancellation)).containsExactly("Bestellung", "Positionen", "Gutschrift");
        assertThat(detail(cancellation, "creditGross")).endsWith("€").contains(",");
        assertThat(labels(find("tr[data-operation=get_software_key]"))).containsExactly("Produkt", "Bestellung", "Version", "Sprache",
                "Architektur");
        assertThat(detail(find("tr[data-operation=get_software_key]"), "language")).isEqualTo("Deutsch (Deutschland)");
        assertThat(cancellation.getText()).contains("Bestellung storniert");
        assertAccessible("activity log in German");
        screenshot("de-11-activity-log");
        cancellation.findElement(By.cssSelector("a[data-action=open-orderId]")).click();
        wait.until(d -> path().equals("/ui/customers/" + tenant + "/orders/" + order));
    }

    /** Item 7: the link the cancellation withdrew, opened in the browser: a page in the reader's language, not JSON. */
    @Test
    @Order(4)
    void theWithdrawnLinkOpenedInTheBrowserIsAPageInTheReadersLanguage() {
        open(linkPath);
        assertThat(find("[data-refusal]").getAttribute("data-refusal")).isEqualTo("link_revoked");
        assertThat(text("h1")).isEqualTo("Dieser Download-Link wurde zurückgezogen");
        assertThat(pageText()).contains("Bitten Sie Ihren Partner");
        assertThat(browser.getPageSource()).doesNotContain("\"code\"");
        open("/ui/language/en?next=/ui");
        open(linkPath);
        assertThat(text("h1")).isEqualTo("This download link has been withdrawn");
        assertThat(pageText()).contains("Ask your partner (whoever sent you the link) for a new download link.");
        assertAccessible("withdrawn download link");
        Api status = api("GET", linkPath, null, null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(status.status()).isEqualTo(410);
        assertThat(status.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Api client = api("GET", linkPath, null, null, "Accept", "application/json");
        assertThat(client.status()).isEqualTo(410);
        assertThat(client.json()).containsEntry("code", "link_revoked");
    }

    @Test
    @Order(5)
    void aCustomersAdminIsNotLetIn() {
        signOut();
        signIn(CUSTOMER_ADMIN);
        open("/ui/settings/activity?customer=" + CONTOSO);
        assertThat(text(".empty strong")).isEqualTo("Not allowed");
        assertThat(present("tr[data-operation]")).isFalse();
    }

    private List<String> operations() {
        return all("tr[data-operation]").stream().map(row -> row.getAttribute("data-operation")).distinct().toList();
    }

    private static List<String> labels(WebElement row) {
        return row.findElements(By.cssSelector("[data-detail] dt")).stream().map(WebElement::getText).toList();
    }

    private static String detail(WebElement row, String key) {
        return row.findElement(By.cssSelector("[data-detail=" + key + "] dd")).getText();
    }
}
