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
 * read-only. {@link GermanSubscriptionsBrowserTest} walks the same in German.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsBrowserTest extends BrowserTest {

    static final String WS2022_STANDARD_SUBSCRIPTION = "DG7GMGF0K90R";

    private String agentToken;
    private String fabrikamOrder;

    /** Texts this language must show on the tab, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Term end", "Auto-renew", "Not renewed yet");
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

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
        assertThat(text(".tabs a[aria-current=page]")).isEqualTo(t("customer.tab.subscriptions"));
        assertThat(Bundles.content(browser)).contains(knownTexts());
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("a customer's subscriptions [" + browserLanguage() + "]");
        if ("en".equals(browserLanguage())) {
            screenshot("18-subscriptions");
        }
        List<WebElement> rows = all("tr[data-subscription]");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Windows Server 2022 Standard", fabrikamOrder, t("subscriptions.term", t("term.P1Y"), 1), t("subscriptions.status.active"),
                t("subscriptions.renewal.not_renewed"));
        assertThat(text("[data-field=autoRenew]")).isEqualTo(t("subscriptions.autoRenew.on"));

        click("[data-action=auto-renew]");
        wait.until(d -> present(".flash"));
        assertThat(text(".flash")).isEqualTo(t("flash.subscription_updated"));
        assertThat(text("[data-field=autoRenew]")).isEqualTo(t("subscriptions.autoRenew.off"));
        assertThat(text("[data-action=auto-renew]")).isEqualTo(t("subscriptions.autoRenew.turnOn"));
        click("[data-action=auto-renew]");
        wait.until(d -> t("subscriptions.autoRenew.on").equals(text("[data-field=autoRenew]")));

        Api moved = api("PUT", "/v1/test/clock", agentToken, Map.of("advanceBy", "P366D"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        open("/ui/customers/" + FABRIKAM + "/subscriptions");
        assertThat(text("tr[data-subscription]")).contains(t("subscriptions.term", t("term.P1Y"), 2), t("subscriptions.status.active"));
        click("[data-action=cancel-renewal]");
        wait.until(d -> path().endsWith("/cancel-renewal"));
        assertThat(text("[data-field=credit]")).startsWith(t("subscriptions.cancelRenewal.credit", "").strip());
        assertThat(Bundles.content(browser)).contains(t("subscriptions.cancelRenewal.title"), t("cancel.important.revoked"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("cancel a renewal [" + browserLanguage() + "]");

        click("[data-action=confirm-cancel-renewal]");
        wait.until(d -> path().equals("/ui/customers/" + FABRIKAM + "/subscriptions"));
        assertThat(text(".flash")).isEqualTo(t("flash.renewal_cancelled"));
        assertThat(text("[data-field=status]")).isEqualTo(t("subscriptions.status.cancelled"));
        assertThat(present("[data-action=auto-renew]")).isFalse();
        assertThat(present("[data-action=cancel-renewal]")).isFalse();
        assertAccessible("a customer's subscriptions, a renewal cancelled [" + browserLanguage() + "]");
    }

    @Test
    @Order(2)
    void aCustomersAdminSeesItsOwnSubscriptionsReadOnly() {
        signOut();
        signIn(CUSTOMER_ADMIN);
        open("/ui/customers/" + CONTOSO + "/subscriptions");
        assertThat(all("tr[data-subscription]")).hasSize(1);
        assertThat(text("tr[data-subscription]")).contains("Windows Server 2022 Standard", t("subscriptions.status.active"));
        assertThat(present("[data-action=auto-renew]")).isFalse();
        assertThat(present("[data-action=cancel-renewal]")).isFalse();
        assertAccessible("a customer admin's subscriptions [" + browserLanguage() + "]");
        open("/ui/customers/" + FABRIKAM + "/subscriptions");
        assertThat(text(".empty strong")).isEqualTo(t("error.404.title"));
    }
}
