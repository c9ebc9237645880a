package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All customers › Subscriptions (issue #16) in a real Chromium: a sales agent sees every customer's subscriptions, the
 * soonest term end first, with status and auto-renew, narrows them by status, and downloads them as CSV.
 */
@MicronautTest(transactional = false)
class AllSubscriptionsBrowserTest extends BrowserTest {

    private static final String WINDOWS_SERVER_2022_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";

    @Test
    void aSalesAgentSeesEveryCustomersSubscriptionsAndNarrowsThemByStatus() {
        String token = apiLogin(ADMIN_AGENT);
        buy(token, NORTHWIND, "AU", WINDOWS_SERVER_2022_STANDARD_SUBSCRIPTION, 3);

        signIn(SALES_AGENT);
        open("/ui/all/subscriptions");
        assertThat(text("h1")).isEqualTo("All customers");
        WebElement row = find("table[data-table=subscriptions] tr[data-status=active]");
        assertThat(row.getText()).contains("Northwind Traders Pty Ltd", "Active", "On");
        assertThat(find("[data-action=download-csv]").getAttribute("href")).contains("/v1/subscriptions").contains("format=csv");

        select("#status", "expired");
        click("[data-form=across-filters] button[type=submit]");
        wait.until(d -> browser.getCurrentUrl().contains("status=expired"));
        assertThat(present("table[data-table=subscriptions]")).isFalse();
        assertThat(text(".empty strong")).isEqualTo("Nothing matches these filters.");
    }
}
