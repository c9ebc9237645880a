package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 3 in the browser: the account menu's Two-step sign-in page shows the QR code (an SVG
 * drawn by the server, which the Content-Security-Policy lets through as a data: image), the key and the
 * recovery codes; a code from the app turns it on and signs the user out; signing in again asks for a
 * code after the password. The test is the authenticator app: it computes the codes from the key on the page.
 */
@MicronautTest(transactional = false)
class TwoStepSignInBrowserTest extends BrowserTest {

    @Test
    void enrolConfirmSignOutAndSignInWithPasswordAndCode() {
        signIn(SALES_AGENT);
        click("details[data-menu=account] > summary");
        click("details[data-menu=account] a[data-action=security]");
        wait.until(d -> path().equals("/ui/security"));
        assertThat(present("[data-mfa=off]")).isTrue();

        click("[data-action=start-mfa]");
        // The enrolment page replaces this one: wait for it before reading its picture (the click returns first).
        wait.until(d -> present("img.qr"));
        Object qrWidth = browser.executeScript("return document.querySelector('img.qr').naturalWidth;");
        assertThat(((Number) qrWidth).intValue()).as("the QR code is drawn (CSP allows the data: image)").isPositive();
        assertThat(all(".recovery-codes li")).hasSize(10);
        screenshot("17-two-step-sign-in-setup");
        String secret = text("#totp-secret").replace(" ", "");
        long step = currentTotpStep();

        find("#code").sendKeys(totpCode(secret, step));
        click("[data-action=confirm-mfa]");
        wait.until(d -> path().equals("/ui/login"));
        assertThat(pageText()).contains("Two-step sign-in is on. Sign in again with your password and a code.");

        browser.findElement(By.id("username")).sendKeys(SALES_AGENT);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form[action='/ui/login'] button[type=submit]")).click();
        find("form[action='/ui/login/mfa'] #code").sendKeys(totpCode(secret, step + 1));
        click("form[action='/ui/login/mfa'] button[type=submit]");
        wait.until(d -> path().equals("/ui/customers"));

        open("/ui/security");
        assertThat(text("[data-mfa=on]")).contains("Two-step sign-in is on", "Recovery codes left: 10.");
    }
}
