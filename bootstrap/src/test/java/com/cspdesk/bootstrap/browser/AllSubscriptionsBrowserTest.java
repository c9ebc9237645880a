package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All customers › Subscriptions (issue #16) in a real Chromium: a sales agent sees every customer's subscriptions, the
 * soonest term end first, with status and auto-renew, narrows them by status, lists the renewals due (the next 30, 90
 * or 365 days in one click, or any range of days) and downloads them as CSV; the orders and the licence inventory across customers in the reader's language (#17).
 * {@link TurkishAllSubscriptionsBrowserTest} walks the same in Turkish.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllSubscriptionsBrowserTest extends BrowserTest {

    private static final String WINDOWS_SERVER_2022_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";

    private String northwindOrder;

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("All customers", "Term ends", "Download CSV");
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    @BeforeAll
    void aSubscriptionAndAnOrder() {
        String token = apiLogin(ADMIN_AGENT);
        northwindOrder = buy(token, NORTHWIND, "AU", WINDOWS_SERVER_2022_STANDARD_SUBSCRIPTION, 3);
        buy(token, FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 2);
    }

    @Test
    @Order(1)
    void aSalesAgentSeesEveryCustomersSubscriptionsAndNarrowsThemByStatus() {
        signIn(SALES_AGENT);
        open("/ui/all/subscriptions");
        assertThat(text("h1")).isEqualTo(t("across.title"));
        WebElement row = find("table[data-table=subscriptions] tr[data-status=active]");
        assertThat(row.getText()).contains("Northwind Traders Pty Ltd", t("across.status.active"), t("across.autoRenew.on"));
        assertThat(find("[data-action=download-csv]").getAttribute("href")).contains("/v1/subscriptions").contains("format=csv");
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("across.subscriptions.subtitle"), t("across.col.autoRenew"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("subscriptions across customers [" + browserLanguage() + "]");

        select("#status", "expired");
        click("[data-form=across-filters] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("status=expired"));
        assertThat(present("table[data-table=subscriptions]")).isFalse();
        assertThat(text(".empty strong")).isEqualTo(t("across.none"));
    }

    /** Renewals due: the active subscriptions whose term ends in a range of days, and the same as CSV. */
    @Test
    @Order(2)
    void theRenewalsDueInARangeOfDaysAndTheirCsv() throws Exception {
        LocalDate today = LocalDate.ofInstant(Instant.parse((String) api("GET", "/v1/test/clock", apiLogin(SALES_AGENT), null)
                .json().get("now")), ZoneOffset.UTC);
        open("/ui/all/subscriptions");
        assertThat(text("nav.renewals-due")).contains(t("across.renewalsDue"), t("across.renewalsDue.days", 90));
        // Within 90 days nothing renews: the subscription bought today ends in a year.
        click("[data-renewals-due='90']");
        wait.until(d -> browser.getCurrentUrl().contains("to=" + today.plusDays(90)));
        assertThat(browser.getCurrentUrl()).contains("status=active", "from=" + today);
        assertThat(text(".empty strong")).isEqualTo(t("across.none"));
        click("[data-renewals-due='365']");
        wait.until(d -> browser.getCurrentUrl().contains("to=" + today.plusDays(365)));
        assertThat(all("table[data-table=subscriptions] tr[data-subscription]")).hasSize(1);
        assertThat(find("#status").getAttribute("value")).isEqualTo("active");
        assertThat(find("#from").getAttribute("value")).isEqualTo(today.toString());
        assertAccessible("renewals due [" + browserLanguage() + "]");
        if ("en".equals(browserLanguage())) {
            screenshot("19-renewals-due");
        }

        // The same through the form's own fields.
        select("#status", "active");
        dates(today, today.plusDays(400));
        click("[data-form=across-filters] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("to=" + today.plusDays(400)));
        assertThat(all("table[data-table=subscriptions] tr[data-subscription]")).hasSize(1);
        assertThat(text("table[data-table=subscriptions] tr[data-subscription]"))
                .contains("Northwind Traders Pty Ltd", "Windows Server 2022 Standard", t("across.status.active"));

        String csvHref = find("[data-action=download-csv]").getAttribute("href");
        assertThat(csvHref).contains("/v1/subscriptions?", "status=active", "termEndFrom=" + today,
                "termEndTo=" + today.plusDays(401), "format=csv");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvHref))
                .header("Cookie", sessionCookie()).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("customerId,customerName,id,orderId");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(NORTHWIND, northwindOrder, "active");

        // Nothing renews in the year after.
        dates(today.plusDays(401), today.plusDays(700));
        click("[data-form=across-filters] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("to=" + today.plusDays(700)));
        assertThat(text(".empty strong")).isEqualTo(t("across.none"));
    }

    @Test
    @Order(3)
    void theOrdersAndTheLicenceInventoryAcrossCustomers() {
        open("/ui/all/orders");
        assertThat(text(".tabs a[aria-current=page]")).isEqualTo(t("across.tab.orders"));
        assertThat(Bundles.content(browser)).contains(t("across.orders.subtitle"), t("across.col.products"), t("across.rangeNote"));
        assertThat(all("tr[data-order]")).extracting(e -> e.getAttribute("data-order")).contains(northwindOrder);
        assertThat(text("tr[data-order='" + northwindOrder + "']")).contains("Northwind Traders Pty Ltd", t("across.status.completed"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("orders across customers [" + browserLanguage() + "]");

        click(".tabs a[href='/ui/all/software']");
        wait.until(d -> path().equals("/ui/all/software"));
        assertThat(Bundles.content(browser)).contains(t("across.software.subtitle"), t("across.col.purchased"));
        assertThat(all("tr[data-software]")).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Fabrikam Kft.", "Windows Server 2022 Standard"));
        assertThat(find("[data-action=download-csv]").getAttribute("href")).contains("/v1/software").contains("format=csv");
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("licence inventory [" + browserLanguage() + "]");
    }

    /** The range's days, set on the date fields as a date picker would (their typed form differs by language). */
    private void dates(LocalDate from, LocalDate to) {
        script("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from.toString(), to.toString());
    }
}
