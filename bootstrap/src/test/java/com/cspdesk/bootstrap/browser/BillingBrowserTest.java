package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices › Unbilled and reconciliation (issue #16) in a real Chromium: an account admin sees what no
 * invoice has taken yet with its totals, credits an unbilled charge with a reason (a credit above what
 * is left is refused with the amount that is), and sees the credit among the unbilled items. An admin
 * agent, who reads invoices but does not reconcile, is not offered the page.
 */
@MicronautTest(transactional = false)
class BillingBrowserTest extends BrowserTest {

    @Test
    void anAccountAdminCreditsAnUnbilledChargeWithAReason() {
        String orderId = buy(apiLogin(ADMIN_AGENT), FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 1);

        signIn(ACCOUNT_ADMIN);
        open("/ui/invoices");
        click("[data-action=billing]");
        wait.until(d -> path().equals("/ui/invoices/billing"));
        assertThat(text("h1")).isEqualTo("Unbilled and reconciliation");
        WebElement charge = find("tr[data-order='" + orderId + "'][data-kind=charge]");
        assertThat(charge.getText()).contains("Charge");
        assertThat(present("tr[data-currency]")).isTrue();

        click("tr[data-order='" + orderId + "'][data-kind=charge] [data-action=credit]");
        wait.until(d -> path().equals("/ui/invoices/billing/credit"));
        assertThat(find("#orderId").getAttribute("value")).isEqualTo(orderId);
        find("#amount").sendKeys("999999.00");
        find("#explanation").sendKeys("Keys delivered a week late");
        click("[data-action=issue-credit]");
        assertThat(text("[data-error]")).contains("can still be credited");

        find("#amount").clear();
        find("#amount").sendKeys("10.00");
        click("[data-action=issue-credit]");
        wait.until(d -> path().equals("/ui/invoices/billing"));
        assertThat(text("[data-credited]")).contains("issued");
        assertThat(present("tr[data-order='" + orderId + "'][data-kind=credit]")).isTrue();
        screenshot("20-billing-unbilled");

        signOut();
        signIn(ADMIN_AGENT);
        open("/ui/invoices");
        assertThat(present("[data-action=billing]")).isFalse();
        open("/ui/invoices/billing");
        assertThat(pageText()).contains("Not allowed");
    }
}
