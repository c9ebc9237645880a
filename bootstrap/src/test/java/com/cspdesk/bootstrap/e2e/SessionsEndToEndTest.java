package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import io.micronaut.context.BeanContext;
import io.micronaut.http.MediaType;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 1: a token ends when access ends — the user deleted, signed out of the dashboard,
 * or signed out everywhere. Each test has a user of its own. Every token is used before its access
 * ends, so it is one whose signature the product remembers (adapters-web's RememberedSignatures).
 */
@MicronautTest(transactional = false)
class SessionsEndToEndTest extends EndToEnd {

    private static final String PASSWORD = "Session-Test-Passw0rd!";
    /** A dashboard browser's CSRF seed: any 40 to 64 URL-safe characters. */
    private static final String SEED = "sessions-end-to-end-seed-0123456789abcdefghij";
    private String admin;
    @Inject
    BeanContext beans;

    @BeforeAll
    void signIn() {
        admin = login(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void aDeletedUsersTokenIsRefusedAndCannotMakeAGlobalAdmin() {
        String doomed = create("doomed.admin@partner.test", "GLOBAL_ADMIN");
        assertThat(send("GET", "/v1/users", doomed, null).status()).isEqualTo(200);

        assertThat(send("DELETE", "/v1/users/doomed.admin@partner.test", admin, null).status()).isEqualTo(204);

        Answer listed = send("GET", "/v1/users", doomed, null);
        assertThat(listed.status()).isEqualTo(401);
        assertThat(listed.header("Content-Type")).startsWith("application/problem+json");
        Answer made = send("POST", "/v1/users", doomed, Map.of("username", "usurper@partner.test",
                "password", "Usurper-Passw0rd!", "roles", List.of("GLOBAL_ADMIN")), "MS-RequestId", "usurp-1");
        assertThat(made.status()).isEqualTo(401);
        assertThat(send("GET", "/v1/users", admin, null).body()).doesNotContain("usurper@partner.test");
    }

    @Test
    void aUserMadeAgainUnderADeletedNameDoesNotRevivePreviousTokens() {
        String first = create("phoenix.agent@partner.test", "SALES_AGENT");
        assertThat(send("DELETE", "/v1/users/phoenix.agent@partner.test", admin, null).status()).isEqualTo(204);
        String second = create("phoenix.agent@partner.test", "SALES_AGENT");

        assertThat(send("GET", "/v1/customers", second, null).status()).isEqualTo(200);
        assertThat(send("GET", "/v1/customers", first, null).status()).isEqualTo(401);
    }

    @Test
    void signingOutOfTheDashboardEndsTheCookiesToken() {
        create("dashboard.agent@partner.test", "ADMIN_AGENT");
        String session = dashboardSignIn("dashboard.agent@partner.test");
        String[] cookies = {"Cookie", SessionCookie.NAME + "=" + session + "; " + UiCsrf.SEED_COOKIE + "=" + SEED};
        assertThat(send("GET", "/ui/customers", null, null, with(cookies, "Accept", MediaType.TEXT_HTML)).status())
                .isEqualTo(200);
        assertThat(send("GET", "/v1/customers", session, null).status()).isEqualTo(200);

        Answer signedOut = send("POST", "/ui/logout", null, UiCsrf.FIELD + "=" + UiCsrf.token(SEED, session),
                with(cookies, "Content-Type", MediaType.APPLICATION_FORM_URLENCODED, "Accept", MediaType.TEXT_HTML));
        assertThat(signedOut.status()).isBetween(300, 399);
        assertThat(signedOut.header("Location")).contains("/ui/login?signedOut=1");

        // The old cookie, kept by whoever copied it: the dashboard sends it to sign in, the API refuses it.
        Answer page = send("GET", "/ui/customers", null, null, with(cookies, "Accept", MediaType.TEXT_HTML));
        assertThat(page.status()).isBetween(300, 399);
        assertThat(page.header("Location")).startsWith("/ui/login");
        assertThat(send("GET", "/v1/customers", session, null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/customers", login("dashboard.agent@partner.test", PASSWORD), null).status())
                .isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEveryEarlierTokenAndANewSignInWorks() {
        String laptop = create("everywhere.agent@partner.test", "SALES_AGENT");
        String phone = login("everywhere.agent@partner.test", PASSWORD);
        String browser = dashboardSignIn("everywhere.agent@partner.test");
        assertThat(send("GET", "/v1/customers", phone, null).status()).isEqualTo(200);

        assertThat(send("POST", "/v1/me/signout-everywhere", phone, null).status()).isEqualTo(204);

        for (String token : List.of(laptop, phone, browser)) {
            assertThat(send("GET", "/v1/customers", token, null).status()).isEqualTo(401);
        }
        assertThat(send("POST", "/v1/me/signout-everywhere", phone, null).status()).isEqualTo(401);
        String fresh = login("everywhere.agent@partner.test", PASSWORD);
        assertThat(send("GET", "/v1/customers", fresh, null).status()).isEqualTo(200);
        // Someone else's sessions were left alone.
        assertThat(send("GET", "/v1/users", admin, null).status()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereNeedsASignIn() {
        Answer anonymous = send("POST", "/v1/me/signout-everywhere", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void tokensAreCheckedByTheValidatorThatRemembersOnlySignatures() {
        assertThat(beans.getBeansOfType(TokenValidator.class)).map(validator -> validator.getClass().getSimpleName())
                .containsExactly("RememberedSignatures");
    }

    /** Creates the user (as the global admin) and signs it in through the API. */
    private String create(String username, String role) {
        return createUser(admin, username, PASSWORD, role);
    }

    /** Signs in with the dashboard's form; the session cookie's token. */
    private String dashboardSignIn(String username) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&" + UiCsrf.FIELD + "=" + UiCsrf.token(SEED, "");
        Answer answer = send("POST", "/ui/login", null, form, "Cookie", UiCsrf.SEED_COOKIE + "=" + SEED,
                "Content-Type", MediaType.APPLICATION_FORM_URLENCODED, "Accept", MediaType.TEXT_HTML);
        return sessionOf(answer);
    }

    private static String[] with(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
