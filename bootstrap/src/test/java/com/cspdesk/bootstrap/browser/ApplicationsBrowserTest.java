package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings › Applications (issue #17 item 5) in a real Chromium: a sales agent has no menu entry and is refused the
 * page; a global admin is told in the reader's language what is wrong with a nameless application, registers one and
 * sees its secret once (it gets a token at /oauth2/token), adds a second secret, revokes the first (no longer
 * accepted) and then the application. {@link GermanApplicationsBrowserTest} walks the same in German.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationsBrowserTest extends BrowserTest {

    private String clientId;
    private String firstSecret;

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Applications", "No applications yet", "Register");
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    @Test
    @Order(1)
    void aSalesAgentHasNoApplicationsPage() {
        signIn(SALES_AGENT);
        assertThat(all("details[data-menu=settings] .panel a")).extracting(e -> e.getAttribute("href"))
                .doesNotContain(base() + "/ui/settings/applications");
        open("/ui/settings/applications");
        assertThat(text(".empty strong")).isEqualTo(t("error.403.title"));
        signOut();
    }

    @Test
    @Order(2)
    void aNamelessApplicationIsRefusedThenOneIsRegisteredAndItsSecretShownOnce() {
        signIn(GLOBAL_ADMIN);
        click("details[data-menu=settings] > summary");
        click("details[data-menu=settings] a[href='/ui/settings/applications']");
        wait.until(d -> path().equals("/ui/settings/applications"));
        assertThat(text("h1")).isEqualTo(t("applications.title"));
        assertThat(text(".empty strong")).isEqualTo(t("applications.none"));
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("applications.subtitle"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("applications, none yet [" + browserLanguage() + "]");

        // Blank (the browser's own check taken off, as a hand-made post would): refused in the reader's words.
        script("document.getElementById('name').removeAttribute('required'); document.getElementById('name').value = '   ';");
        click("[data-action=register-application]");
        assertThat(text("#form-error")).isEqualTo(Bundles.text(browserLanguage(), "field.application_name_missing"));
        assertAccessible("applications, a refused name [" + browserLanguage() + "]");

        find("#name").sendKeys("Order sync");
        select("#role", "ADMIN_AGENT");
        click("[data-action=register-application]");
        firstSecret = text("[data-field=client-secret]");
        clientId = text("[data-field=client-id]");
        assertThat(Bundles.content(browser)).contains(t("applications.secret.title"), t("applications.secret.once"));
        assertThat(text("tr[data-application='" + clientId + "']")).contains("Order sync", t("role.ADMIN_AGENT"), t("applications.active"));
        assertThat(grant(firstSecret)).isEqualTo(200);
        assertAccessible("applications, the new secret [" + browserLanguage() + "]");

        open("/ui/settings/applications");
        assertThat(present("[data-field=client-secret]")).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(firstSecret);
    }

    @Test
    @Order(3)
    void aSecondSecretTheFirstRevokedThenTheApplication() {
        click("tr[data-application='" + clientId + "'] [data-action=add-secret]");
        String second = text("[data-field=client-secret]");
        assertThat(second).isNotEqualTo(firstSecret);
        assertThat(all("tr[data-application='" + clientId + "'] [data-credential]")).hasSize(2);

        // The first secret's row: the one whose hint ends the first secret.
        org.openqa.selenium.WebElement first = all("tr[data-application='" + clientId + "'] [data-credential]").stream()
                .filter(c -> firstSecret.endsWith(c.findElement(org.openqa.selenium.By.tagName("code")).getText().replace("…", "")))
                .findFirst().orElseThrow();
        first.findElement(org.openqa.selenium.By.cssSelector("[data-action=revoke-secret]")).click();
        wait.until(d -> all("tr[data-application='" + clientId + "'] [data-action=revoke-secret]").size() == 1);
        assertThat(text("tr[data-application='" + clientId + "']")).contains(t("applications.revoked"));
        assertThat(grant(firstSecret)).isEqualTo(401);
        assertThat(grant(second)).isEqualTo(200);

        click("tr[data-application='" + clientId + "'] [data-action=revoke-application]");
        wait.until(d -> !present("tr[data-application='" + clientId + "'] [data-action=revoke-application]"));
        assertThat(grant(second)).isEqualTo(401);
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("applications, one revoked [" + browserLanguage() + "]");
    }

    private int grant(String secret) {
        return api("POST", "/oauth2/token", null, "grant_type=client_credentials&client_id=" + encode(clientId)
                + "&client_secret=" + encode(secret), "Content-Type", "application/x-www-form-urlencoded").status();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
