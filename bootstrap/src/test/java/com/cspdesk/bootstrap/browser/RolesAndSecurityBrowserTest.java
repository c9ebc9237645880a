package com.cspdesk.bootstrap.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles shape the screens, and the server still refuses what a screen hides: a sales agent sees
 * customers, software and the webhook settings but no Add products, Get keys and downloads or Cancel, and is refused
 * (403) when it posts those actions by hand; a form posted without its CSRF token is refused and
 * changes nothing; the JSON API still answers 401/403 problem+json, never a redirect to the sign-in page.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolesAndSecurityBrowserTest extends BrowserTest {

    private String agentToken;
    private String order;
    private String softwareId;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aPurchase() {
        agentToken = apiLogin(ADMIN_AGENT);
        order = buy(agentToken, FABRIKAM, "HU", WINDOWS_SERVER_2022_STANDARD, 1);
        List<java.util.Map<String, Object>> software = (List<java.util.Map<String, Object>>) api("GET",
                "/v1/customers/" + FABRIKAM + "/software", agentToken, null).json().get("items");
        softwareId = (String) software.get(0).get("id");
    }

    @Test
    @Order(1)
    void aSalesAgentSeesNoActionItsRoleMayNotDo() {
        signIn(SALES_AGENT);
        assertThat(all(".mainnav a")).extracting(e -> e.getText()).containsExactly("Customers", "All customers");
        // Its settings menu holds the webhook registration only (a sales agent may subscribe to what it reads).
        assertThat(all("details[data-menu=settings] .panel a")).extracting(e -> e.getAttribute("href"))
                .containsExactly(base() + "/ui/settings/webhooks");
        open("/ui/customers");
        assertThat(present("a[href='/ui/customers/new']")).isFalse();
        open("/ui/customers/" + FABRIKAM);
        assertThat(find("article[data-product='" + WINDOWS_SERVER_2022_STANDARD + "']").getText()).contains("Active", order);
        assertThat(present("[data-action=get-keys]")).isFalse();
        assertThat(present("[data-action=cancel]")).isFalse();
        assertThat(present(".page-head .actions a.btn.primary")).isFalse();
        assertThat(text(".notice.info")).isEqualTo("Only admin agents can get keys and downloads.");
        screenshot("14-sales-agent-view");
        open("/ui/customers/" + FABRIKAM + "/orders/" + order);
        assertThat(present("[data-action=cancel]")).isFalse();
    }

    @Test
    @Order(2)
    void theServerRefusesWhatTheScreenHid() {
        open("/ui/customers/" + FABRIKAM + "/products");
        assertThat(text("h1, .empty strong")).isEqualTo("Not allowed");
        open("/ui/customers/" + FABRIKAM + "/cancel?orderId=" + order);
        assertThat(text(".empty strong")).isEqualTo("Not allowed");
        String token = (String) script("return document.querySelector('meta[name=csrf-token]').content;");
        // Posted by hand, with a valid CSRF token: the role is what refuses.
        assertThat(post("/ui/customers/" + FABRIKAM + "/cancel", "orderId=" + order + "&acknowledged=true&csrfToken=" + token))
                .isEqualTo(403);
        assertThat(post("/ui/customers/" + FABRIKAM + "/software/" + softwareId + "/key",
                "version=2022&language=en-US&bitness=x64&csrfToken=" + token)).isEqualTo(403);
        assertThat(api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + order, agentToken, null).json().get("status"))
                .isEqualTo("completed");
        signOutWithTheMenu();
    }

    @Test
    @Order(3)
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        signIn(ADMIN_AGENT);
        open("/ui/customers/" + FABRIKAM);
        String token = (String) script("return document.querySelector('meta[name=csrf-token]').content;");
        String form = "orderId=" + order + "&acknowledged=true";
        assertThat(post("/ui/customers/" + FABRIKAM + "/cancel", form)).isEqualTo(403);
        assertThat(post("/ui/customers/" + FABRIKAM + "/cancel", form + "&csrfToken=" + token.substring(1) + "A")).isEqualTo(403);
        assertThat(pageOf("/ui/customers/" + FABRIKAM + "/cancel", form)).contains("This form has expired or did not come from this dashboard");
        assertThat(api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + order, agentToken, null).json().get("status"))
                .isEqualTo("completed");
        // The same cookies with the page's token: accepted (here the cancellation itself).
        assertThat(post("/ui/customers/" + FABRIKAM + "/cancel", form + "&csrfToken=" + token)).isEqualTo(200);
        assertThat(api("GET", "/v1/customers/" + FABRIKAM + "/orders/" + order, agentToken, null).json().get("status"))
                .isEqualTo("cancelled");
        // Another site's page cannot read the session cookie: it is HttpOnly and SameSite=Strict.
        assertThat(script("return document.cookie;")).asString().doesNotContain("JWT=").doesNotContain("cspdesk_csrf");
        // Signing out also needs the token.
        assertThat(post("/ui/logout", "")).isEqualTo(403);
    }

    @Test
    @Order(4)
    void theJsonApiStillAnswersProblemJsonNeverARedirect() {
        Api anonymous = api("GET", "/v1/customers", null, null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.header("Location")).isEmpty();
        Api forbidden = api("GET", "/v1/auditrecords", agentToken, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code")).isEqualTo("forbidden");
        // The dashboard's cookie reads through the API (GET), but never changes anything there.
        String cookie = sessionCookie();
        assertThat(api("GET", "/v1/customers/" + FABRIKAM, null, null, "Cookie", cookie).status()).isEqualTo(200);
        Api posted = api("POST", "/v1/customers", null, "{\"companyProfile\":{\"companyName\":\"X\",\"domain\":\"x.example\"},"
                + "\"billingProfile\":{\"country\":\"DE\"}}", "Cookie", cookie, "Content-Type", "application/json");
        assertThat(posted.status()).isEqualTo(401);
        // The bearer login is as it was.
        assertThat(apiLogin(SALES_AGENT)).isNotBlank();
        // A page without a session leads to the sign-in page (303), coming back afterwards.
        Api page = api("GET", "/ui/customers/" + FABRIKAM, null, null);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).contains("/ui/login?next=%2Fui%2Fcustomers%2F" + FABRIKAM);
    }

    @Test
    @Order(5)
    void activityLogRolesSeeOnlyTheActivityLog() {
        signOut();
        signIn(ACCOUNT_ADMIN);
        assertThat(path()).isEqualTo("/ui/settings/activity");
        assertThat(all(".mainnav a")).extracting(e -> e.getText()).containsExactly("Invoices");
        open("/ui/customers");
        assertThat(text(".empty strong")).isEqualTo("Not allowed");
        signOut();
        signIn("marketing.admin@partner.demo");
        assertThat(path()).isEqualTo("/ui/settings/activity");
        assertThat(all(".mainnav a")).isEmpty();
        open("/ui/invoices");
        assertThat(text(".empty strong")).isEqualTo("Not allowed");
        phone();
        open("/ui/settings/activity");
        screenshot("15-activity-log-phone");
        laptop();
    }

    /** A form post from the signed-in browser itself (its cookies), by fetch; returns the status. */
    private long post(String path, String form) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: arguments[1], redirect: 'manual'}).then(function (r) { done(r.status); }, function () { done(-1); });",
                path, form);
    }

    private String pageOf(String path, String form) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: arguments[1]}).then(function (r) { return r.text(); }).then(done, function () { done(''); });",
                path, form);
    }

    @SuppressWarnings("unused")
    private static By css(String selector) {
        return By.cssSelector(selector);
    }
}
