package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16, the customer's Subscriptions tab in a real Chromium: an admin agent sees a Windows Server
 * subscription with its term and auto-renew, switches auto-renew off and on with the row's button (a
 * plain form), and after the sandbox clock moves past the anniversary sees the renewed term and cancels
 * the renewal on a page that shows the credit first; a customer's admin sees its own subscriptions
 * read-only.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsBrowserTest extends BrowserTest {

    static final String WS2022_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";

    private String agentToken;
    private String fabrikamOrder;

    @BeforeAll
    void subscriptionsForTwoCustomers() {
        agentToken = apiLogin(ADMIN_AGENT);
        fabrikamOrder = buy(agentToken, FABRIKAM, "HU", WS2022_STANDARD_SUBSCRIPTION, 2);
        buy(agentToken, CONTOSO, "DE", WS2022_STANDARD_SUBSCRIPTION, 1);
    }

    @Test
    @Order(1)
    void anAdminAgentSwitchesAutoRenewAndCancelsARenewalSeeingTheCreditFirst() {
        signIn(ADMIN_AGENT);
        open("/ui/customers/" + FABRIKAM);
        click(".tabs a[href$='/subscriptions']");
        wait.until(d -> path().equals("/ui/customers/" + FABRIKAM + "/subscriptions"));
        assertThat(text(".tabs a[aria-current=page]")).isEqualTo("Subscriptions");
        List<WebElement> rows = all("tr[data-subscription]");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Windows Server 2022 Standard", fabrikamOrder, "1 year, term 1", "Active",
                "Not renewed yet");
        assertThat(text("[data-field=autoRenew]")).isEqualTo("On");

        click("[data-action=auto-renew]");
        wait.until(d -> present(".flash"));
        assertThat(text(".flash")).isEqualTo("The subscription was changed.");
        assertThat(text("[data-field=autoRenew]")).isEqualTo("Off");
        assertThat(text("[data-action=auto-renew]")).isEqualTo("Turn on");
        click("[data-action=auto-renew]");
        wait.until(d -> "On".equals(text("[data-field=autoRenew]")));

        Api moved = api("PUT", "/v1/test/clock", agentToken, Map.of("advanceBy", "P366D"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        open("/ui/customers/" + FABRIKAM + "/subscriptions");
        assertThat(text("tr[data-subscription]")).contains("1 year, term 2", "Active");
        click("[data-action=cancel-renewal]");
        wait.until(d -> path().endsWith("/cancel-renewal"));
        assertThat(text("[data-field=credit]")).startsWith("Credit on the next monthly invoice:");
        assertThat(pageText()).contains("All software keys and download links of this purchase will be revoked");

        click("[data-action=confirm-cancel-renewal]");
        wait.until(d -> path().equals("/ui/customers/" + FABRIKAM + "/subscriptions"));
        assertThat(text(".flash")).isEqualTo("The renewal was cancelled; the credit is on the next monthly invoice.");
        assertThat(text("[data-field=status]")).isEqualTo("Cancelled");
        assertThat(present("[data-action=auto-renew]")).isFalse();
        assertThat(present("[data-action=cancel-renewal]")).isFalse();
    }

    @Test
    @Order(2)
    void aCustomersAdminSeesItsOwnSubscriptionsReadOnly() {
        signOut();
        signIn(CUSTOMER_ADMIN);
        open("/ui/customers/" + CONTOSO + "/subscriptions");
        assertThat(all("tr[data-subscription]")).hasSize(1);
        assertThat(text("tr[data-subscription]")).contains("Windows Server 2022 Standard", "Active");
        assertThat(present("[data-action=auto-renew]")).isFalse();
        assertThat(present("[data-action=cancel-renewal]")).isFalse();
        open("/ui/customers/" + FABRIKAM + "/subscriptions");
        assertThat(text(".empty strong")).isEqualTo("Not found");
    }
}
