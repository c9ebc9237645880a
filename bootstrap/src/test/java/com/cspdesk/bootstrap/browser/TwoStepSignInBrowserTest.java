package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 3 in the browser: the account menu's Two-step sign-in page shows the QR code (an SVG
 * drawn by the server, which the Content-Security-Policy lets through as a data: image), the key and the
 * recovery codes; a code from the app turns it on and signs the user out; signing in again asks for a
 * code after the password. The test is the authenticator app: it computes the codes from the key on the page.
 * {@link HungarianTwoStepSignInBrowserTest} enrols in Hungarian.
 */
@MicronautTest(transactional = false)
class TwoStepSignInBrowserTest extends BrowserTest {

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Two-step sign-in", "Set up an authenticator app");
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    @Test
    void enrolConfirmSignOutAndSignInWithPasswordAndCode() {
        signIn(SALES_AGENT);
        click("details[data-menu=account] > summary");
        click("details[data-menu=account] a[data-action=security]");
        wait.until(d -> path().equals("/ui/security"));
        assertThat(present("[data-mfa=off]")).isTrue();
        assertThat(text("h1")).isEqualTo(t("security.title"));
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("security.off"), t("security.start"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("two-step sign-in, off [" + browserLanguage() + "]");

        click("[data-action=start-mfa]");
        // The enrolment page replaces this one: wait for it before reading its picture (the click returns first).
        wait.until(d -> present("img.qr"));
        Object qrWidth = browser.executeScript("return document.querySelector('img.qr').naturalWidth;");
        assertThat(((Number) qrWidth).intValue()).as("the QR code is drawn (CSP allows the data: image)").isPositive();
        assertThat(all(".recovery-codes li")).hasSize(10);
        assertThat(Bundles.content(browser)).contains(t("security.scan"), t("security.recovery"), t("security.recovery.hint"), t("security.code"));
        assertThat(find("img.qr").getAttribute("alt")).isEqualTo(t("security.qrAlt"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("two-step sign-in, setting up [" + browserLanguage() + "]");
        if (browserLanguage().equals("en")) {
            screenshot("17-two-step-sign-in-setup");
        }
        String secret = text("#totp-secret").replace(" ", "");
        long step = currentTotpStep();

        find("#code").sendKeys(totpCode(secret, step));
        click("[data-action=confirm-mfa]");
        wait.until(d -> path().equals("/ui/login"));
        assertThat(Bundles.content(browser)).contains(t("login.mfaOn"));

        browser.findElement(By.id("username")).sendKeys(SALES_AGENT);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form[action='/ui/login'] button[type=submit]")).click();
        find("form[action='/ui/login/mfa'] #code");
        assertThat(text("h1")).isEqualTo(t("login.mfa.heading"));
        assertThat(Bundles.content(browser)).contains(t("login.mfa.text"), t("login.mfa.submit"));
        assertAccessible("sign-in, the code [" + browserLanguage() + "]");
        find("form[action='/ui/login/mfa'] #code").sendKeys(totpCode(secret, step + 1));
        click("form[action='/ui/login/mfa'] button[type=submit]");
        wait.until(d -> path().equals("/ui/customers"));

        open("/ui/security");
        assertThat(text("[data-mfa=on]")).contains(t("security.on"), t("security.codesLeft", 10));
        assertAccessible("two-step sign-in, on [" + browserLanguage() + "]");
    }
}
