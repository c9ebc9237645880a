package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings › Users (issue #17 item 5), in English; {@link PolishUsersBrowserTest} walks it in Polish. A sales
 * agent has no menu entry and is refused the page; a global admin lists the users, adds one (a weak password
 * and a customer's role without its tenant refused in the reader's language, the password never echoed),
 * changes its roles, resets its two-step sign-in (refused while it has none) and removes it; nobody removes
 * themself; the forms need their CSRF token.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersBrowserTest extends BrowserTest {

    static final String NEW_USER = "new.agent@partner.demo";
    static final String NEW_PASSWORD = "Fresh-Agent-Passw0rd!";

    /** Texts this language must show, written out (not read from the bundle): the translation is there. */
    List<String> knownTexts() {
        return List.of("Users", "Add a user", "Global admin", "Customer tenant ID");
    }

    String t(String key, Object... arguments) {
        return Bundles.translated(browserLanguage(), key, arguments);
    }

    @Test
    @Order(1)
    void aSalesAgentHasNoUsersPage() {
        signIn(SALES_AGENT);
        assertThat(all("details[data-menu=settings] .panel a")).extracting(e -> e.getAttribute("href"))
                .doesNotContain(base() + "/ui/settings/users");
        open("/ui/settings/users");
        assertThat(text(".empty strong")).isEqualTo(Bundles.text(browserLanguage(), "error.403.title"));
        assertThat(api("GET", "/ui/settings/users", null, null, "Cookie", sessionCookie()).status()).isEqualTo(403);
        signOut();
    }

    @Test
    @Order(2)
    void aGlobalAdminFindsTheUsersInTheSettingsMenu() {
        signIn(GLOBAL_ADMIN);
        click("details[data-menu=settings] > summary");
        click("details[data-menu=settings] a[href='/ui/settings/users']");
        wait.until(d -> path().equals("/ui/settings/users"));
        assertThat(text("h1")).isEqualTo(t("users.title"));
        assertThat(find("tr[data-user='" + SALES_AGENT + "'] [data-field=roles]").getText()).isEqualTo(t("role.SALES_AGENT"));
        assertThat(find("tr[data-user='" + CUSTOMER_ADMIN + "']").getText()).contains(CONTOSO, t("role.CUSTOMER_GLOBAL_ADMIN"));
        assertThat(Bundles.content(browser)).contains(knownTexts()).contains(t("users.add.title"), t("users.tenant.hint"), t("users.add"));
        Bundles.assertNoRawKeys(Bundles.content(browser));
        assertAccessible("users [" + browserLanguage() + "]");
        screenshot(browserLanguage().equals("en") ? "30-users" : browserLanguage() + "-30-users");

        // On a phone the list's rows are cards and nothing scrolls sideways.
        phone();
        try {
            open("/ui/settings/users");
            assertThat(find("tr[data-user='" + SALES_AGENT + "']").getText()).contains(t("role.SALES_AGENT"));
            assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")).isEqualTo(true);
            assertAccessible("users on a phone [" + browserLanguage() + "]");
        } finally {
            laptop();
        }
    }

    @Test
    @Order(3)
    void aWeakPasswordOrACustomerRoleWithoutTenantIsRefusedInTheReadersLanguage() {
        open("/ui/settings/users");
        find("#username").sendKeys(NEW_USER);
        find("#password").sendKeys("short");
        click("input[data-role=ADMIN_AGENT]");
        click("[data-action=add-user]");
        assertThat(text("#form-error")).isEqualTo(Bundles.text(browserLanguage(), "field.password_too_short"));
        // The form comes back as sent, without the password.
        assertThat(find("#username").getAttribute("value")).isEqualTo(NEW_USER);
        assertThat(find("#password").getAttribute("value")).isEmpty();
        assertThat(find("input[data-role=ADMIN_AGENT]").isSelected()).isTrue();
        assertThat(present("tr[data-user='" + NEW_USER + "']")).isFalse();

        find("#password").sendKeys(NEW_PASSWORD);
        click("input[data-role=ADMIN_AGENT]");
        click("input[data-role=CUSTOMER_GLOBAL_ADMIN]");
        // The first refusal's message is still on the page until the second answer replaces it.
        org.openqa.selenium.WebElement firstRefusal = find("#form-error");
        click("[data-action=add-user]");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(firstRefusal));
        assertThat(text("#form-error")).isEqualTo(t("users.error.customer_tenant_required"));
        assertAccessible("users, a refused new user [" + browserLanguage() + "]");
        assertThat(present("tr[data-user='" + NEW_USER + "']")).isFalse();
        Bundles.assertNoRawKeys(Bundles.content(browser));
    }

    @Test
    @Order(4)
    void addAUserAndChangeItsRoles() {
        open("/ui/settings/users");
        find("#username").sendKeys(NEW_USER);
        find("#password").sendKeys(NEW_PASSWORD);
        click("input[data-role=ADMIN_AGENT]");
        click("[data-action=add-user]");
        wait.until(d -> browser.getCurrentUrl().contains("done=user_created"));
        assertThat(text(".flash")).isEqualTo(t("flash.user_created"));
        assertThat(find("tr[data-user='" + NEW_USER + "'] [data-field=roles]").getText()).isEqualTo(t("role.ADMIN_AGENT"));
        assertThat(apiLogin(NEW_USER, NEW_PASSWORD)).isNotBlank();

        click("tr[data-user='" + NEW_USER + "'] [data-action=edit-user]");
        wait.until(d -> path().equals("/ui/settings/users/" + NEW_USER));
        assertThat(text("h1")).isEqualTo(NEW_USER);
        assertThat(Bundles.content(browser)).contains(t("users.edit.title"), t("users.resetMfa"), t("users.delete"));
        assertAccessible("a user [" + browserLanguage() + "]");
        Bundles.assertNoRawKeys(Bundles.content(browser));
        click("input[data-role=ADMIN_AGENT]");
        click("input[data-role=SALES_AGENT]");
        click("[data-action=save-user]");
        wait.until(d -> browser.getCurrentUrl().contains("done=user_updated"));
        assertThat(text(".flash")).isEqualTo(t("flash.user_updated"));
        assertAccessible("users, a user changed [" + browserLanguage() + "]");
        assertThat(find("tr[data-user='" + NEW_USER + "'] [data-field=roles]").getText()).isEqualTo(t("role.SALES_AGENT"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) api("GET", "/v1/users", apiLogin(GLOBAL_ADMIN), null)
                .json().get("items");
        assertThat(users).filteredOn(u -> NEW_USER.equals(u.get("username")))
                .extracting(u -> u.get("roles")).containsExactly(List.of("SALES_AGENT"));
    }

    @Test
    @Order(5)
    void resetTheTwoStepSignInOfAUserWhoLostTheirPhone() {
        open("/ui/settings/users/" + NEW_USER);
        click("[data-action=reset-mfa]");
        assertThat(text("#form-error")).isEqualTo(t("users.error.noSecondFactor"));
        assertAccessible("a user, nothing to reset [" + browserLanguage() + "]");

        String token = apiLogin(NEW_USER, NEW_PASSWORD);
        Api enrolled = api("POST", "/v1/me/mfa/totp", token, null);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String secret = (String) enrolled.json().get("secret");
        assertThat(api("POST", "/v1/me/mfa/totp/confirm", token, Map.of("code", totpCode(secret, currentTotpStep())))
                .status()).isEqualTo(204);
        assertThat(api("POST", "/login", null, Map.of("username", NEW_USER, "password", NEW_PASSWORD)).status())
                .as("the password alone is no longer enough").isEqualTo(401);

        open("/ui/settings/users/" + NEW_USER);
        click("[data-action=reset-mfa]");
        wait.until(d -> browser.getCurrentUrl().contains("done=user_mfa_reset"));
        assertThat(text(".flash")).isEqualTo(t("flash.user_mfa_reset"));
        assertThat(apiLogin(NEW_USER, NEW_PASSWORD)).as("the password alone signs in again").isNotBlank();
    }

    @Test
    @Order(6)
    void removeAUserButNeverOneself() {
        open("/ui/settings/users/" + GLOBAL_ADMIN);
        assertThat(present("[data-action=delete-user]")).isFalse();
        open("/ui/settings/users/" + NEW_USER);
        String csrf = (String) script("return document.querySelector('meta[name=csrf-token]').content;");
        // Without its token the form is refused and removes nothing.
        assertThat(post("/ui/settings/users/" + NEW_USER + "/delete", "")).isEqualTo(403);
        assertThat(post("/ui/settings/users/" + GLOBAL_ADMIN + "/delete", "csrfToken=" + csrf)).isEqualTo(409);
        click("[data-action=delete-user]");
        wait.until(d -> browser.getCurrentUrl().contains("done=user_deleted"));
        assertThat(text(".flash")).isEqualTo(t("flash.user_deleted"));
        assertThat(present("tr[data-user='" + NEW_USER + "']")).isFalse();
        assertThat(present("tr[data-user='" + GLOBAL_ADMIN + "']")).isTrue();
        assertThat(api("POST", "/login", null, Map.of("username", NEW_USER, "password", NEW_PASSWORD)).status()).isEqualTo(401);
    }

    /** A form post from the signed-in browser itself (its cookies), by fetch; returns the status. */
    long post(String path, String form) {
        return (Long) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: arguments[1], redirect: 'manual'}).then(function (r) { done(r.status); }, function () { done(-1); });",
                path, form);
    }

    @SuppressWarnings("unused")
    private static By css(String selector) {
        return By.cssSelector(selector);
    }
}
