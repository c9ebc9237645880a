package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices › Unbilled and reconciliation (issue #16) in a real Chromium: an account admin sees what no
 * invoice has taken yet with its totals, credits an unbilled charge with a reason (a credit above what
 * is left is refused with the amount that is), and sees the credit among the unbilled items. An admin
 * agent, who reads invoices but does not reconcile, is not offered the page. {@link HungarianBillingBrowserTest}: in Hungarian.
 */
@MicronautTest(transactional = false)
class BillingBrowserTest extends BrowserTest {

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Unbilled and reconciliation", "Charge", "Reconciliation");
    }

    /** How the refusal writes the forint amount the order can still be credited (the reader's way, not "123.00 HUF"). */
    String creditableCurrency() {
        return "HUF";
    }

    String tenInTheReadersWay() {
        return "10.00";
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    @Test
    void anAccountAdminCreditsAnUnbilledChargeWithAReason() {
        String orderId = buy(apiLogin(ADMIN_AGENT), FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 1);

        signIn(ACCOUNT_ADMIN);
        open("/ui/invoices");
        click("[data-action=billing]");
        wait.until(d -> path().equals("/ui/invoices/billing"));
        assertThat(text("h1")).isEqualTo(t("billing.title"));
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("billing.subtitle"), t("billing.reconciliation.hint"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        WebElement charge = find("tr[data-order='" + orderId + "'][data-kind=charge]");
        assertThat(charge.getText()).contains(t("billing.kind.charge"));
        assertThat(present("tr[data-currency]")).isTrue();
        assertAccessible("unbilled and reconciliation [" + browserLanguage() + "]");

        click("tr[data-order='" + orderId + "'][data-kind=charge] [data-action=credit]");
        wait.until(d -> path().equals("/ui/invoices/billing/credit"));
        assertThat(find("#orderId").getAttribute("value")).isEqualTo(orderId);
        assertThat(text("h1")).isEqualTo(t("billing.credit.title"));
        assertThat(Bundles.content(browser)).contains(t("billing.credit.subtitle"), t("billing.credit.amount"), t("billing.credit.explanation"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        find("#amount").sendKeys("999999.00");
        find("#explanation").sendKeys("Keys delivered a week late");
        click("[data-action=issue-credit]");
        assertThat(text("[data-error]")).contains(Bundles.pieces(browserLanguage(), "problem.credit_exceeds_creditable.detail", 1))
                .contains(creditableCurrency());
        assertAccessible("a credit note, refused [" + browserLanguage() + "]");

        find("#amount").clear();
        find("#amount").sendKeys(tenInTheReadersWay());
        click("[data-action=issue-credit]");
        wait.until(d -> path().equals("/ui/invoices/billing"));
        assertThat(text("[data-credited]")).contains(Bundles.pieces(browserLanguage(), "billing.credit.done", 1));
        assertThat(present("tr[data-order='" + orderId + "'][data-kind=credit]")).isTrue();
        assertAccessible("unbilled and reconciliation, a credit note issued [" + browserLanguage() + "]");
        if (browserLanguage().equals("en")) {
            screenshot("20-billing-unbilled");
        }

        signOut();
        signIn(ADMIN_AGENT);
        open("/ui/invoices");
        assertThat(present("[data-action=billing]")).isFalse();
        open("/ui/invoices/billing");
        assertThat(Bundles.content(browser)).contains(t("error.403.title"));
    }
}
