package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #16's "All customers" area in a real Chromium: an admin agent reaches it from the main menu, filters every
 * customer's orders with the form (a plain GET, no script needed), follows "Next page", downloads the filtered list
 * as CSV with the session cookie, reads the licence inventory and a market's price sheet; in Hungarian too; and a
 * role without the permission has neither the menu item nor the pages.
 */
@MicronautTest(transactional = false)
class AllCustomersBrowserTest extends BrowserTest {

    private String contosoOrder;
    private String fabrikamOrder;
    private String fabrikamSecondOrder;

    @BeforeAll
    void ordersOfTwoCustomers() {
        String agent = apiLogin(ADMIN_AGENT);
        // More than a page (50) for one customer, bought first: the newest three are the others'.
        for (int i = 0; i < 51; i++) {
            buy(agent, NORTHWIND, "AU", SQL_SERVER_2022_STANDARD, 1);
        }
        contosoOrder = buy(agent, CONTOSO, "DE", SQL_SERVER_2022_STANDARD, 1);
        fabrikamOrder = buy(agent, FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 3);
        fabrikamSecondOrder = buy(agent, FABRIKAM, "HU", SQL_SERVER_2022_STANDARD, 2);
    }

    @Test
    void anAgentFiltersEveryCustomersOrdersPagesThroughThemAndDownloadsTheCsv() throws Exception {
        signIn(ADMIN_AGENT);
        click("nav.mainnav a[href='/ui/all/orders']");
        wait.until(d -> path().equals("/ui/all/orders"));
        assertThat(find("nav.mainnav a[href='/ui/all/orders']").getAttribute("aria-current")).isEqualTo("page");
        assertThat(all("tr[data-order]")).extracting(row -> row.getAttribute("data-order")).hasSize(50)
                .startsWith(fabrikamSecondOrder, fabrikamOrder, contosoOrder);
        screenshot("17-all-customers-orders");

        find("#customer").sendKeys("fabrikam.demo");
        select("#product", WINDOWS_SERVER_2022_STANDARD);
        click("form[data-form=across-filters] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("customer=fabrikam.demo"));
        assertThat(all("tr[data-order]")).extracting(row -> row.getAttribute("data-order")).containsExactly(fabrikamOrder);
        assertThat(text("tr[data-order='" + fabrikamOrder + "']")).contains("Fabrikam Kft.", "× 3", "Completed");

        // One order a page through the same filters: "Next page" leads on, and the CSV link carries the filters.
        open("/ui/all/orders?customer=fabrikam.demo");
        String csvHref = find("[data-action=download-csv]").getAttribute("href");
        assertThat(csvHref).contains("/v1/orders?customerId=fabrikam.demo").contains("format=csv");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvHref))
                .header("Cookie", sessionCookie()).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("customerId,customerName,orderId");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(fabrikamSecondOrder);
        assertThat(lines.get(2)).contains(fabrikamOrder);

        // Northwind's 51 orders are more than a page: "Next page" shows the rest, and the first is not repeated.
        find("#customer").clear();
        find("#customer").sendKeys(NORTHWIND);
        click("form[data-form=across-filters] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("customer=" + NORTHWIND));
        List<String> firstPage = all("tr[data-order]").stream().map(row -> row.getAttribute("data-order")).toList();
        assertThat(firstPage).hasSize(50);
        click("a[rel=next]");
        wait.until(d -> browser.getCurrentUrl().contains("page="));
        List<String> secondPage = all("tr[data-order]").stream().map(row -> row.getAttribute("data-order")).toList();
        assertThat(secondPage).hasSize(1).doesNotContainAnyElementsOf(firstPage);
        assertThat(present("a[rel=next]")).isFalse();
    }

    @Test
    void theLicenceInventoryAndThePriceSheetInHungarian() {
        signIn(SALES_AGENT);
        open("/ui/all/software?customer=fabrikam.demo&status=active");
        language("hu");
        wait.until(d -> text("h1").equals("Összes ügyfél"));
        WebElement row = all("tr[data-software]").get(0);
        assertThat(all("tr[data-software]")).hasSize(2);
        assertThat(text("h1")).isEqualTo("Összes ügyfél");
        assertThat(row.getText()).contains("Fabrikam Kft.", "Aktív");

        open("/ui/all/pricesheet?country=HU");
        WebElement windows = all("tr[data-offer]").stream()
                .filter(offer -> offer.getAttribute("data-offer").startsWith(WINDOWS_SERVER_2022_STANDARD + ":0001:"))
                .findFirst().orElseThrow();
        assertThat(windows.getText()).contains("27", "felszámítva", "Ft", "Igen");
        assertThat(find("[data-action=download-csv]").getAttribute("href")).endsWith("/v1/pricesheets?country=HU&format=csv");
        screenshot("hu-05-price-sheet");

        select("#country", "GL");
        click("form[data-form=pricesheet] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("country=GL"));
        assertThat(all("tr[data-offer]").stream().filter(offer -> offer.getAttribute("data-offer").startsWith(RESERVED_VM)))
                .isNotEmpty().allSatisfy(offer -> assertThat(offer.getText()).contains("Ezen a piacon nem kapható"));
        language("en");
    }

    private void language(String tag) {
        click("details[data-menu=language] > summary");
        click("details[data-menu=language] a[data-lang=" + tag + "]");
    }

    @Test
    void aRoleWithoutThePermissionHasNeitherTheMenuItemNorThePages() {
        signIn(ACCOUNT_ADMIN);
        open("/ui/invoices");
        assertThat(present("nav.mainnav a[href='/ui/all/orders']")).isFalse();
        open("/ui/all/orders");
        assertThat(pageText()).doesNotContain("Fabrikam Kft.");
        assertThat(text(".empty strong")).isEqualTo("Not allowed");
    }
}
