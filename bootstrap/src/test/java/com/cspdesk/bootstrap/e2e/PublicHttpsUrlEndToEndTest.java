package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy that ends TLS: the product is configured with an https public URL and the proxy
 * talks plain HTTP to it (as these tests do). The cookies are still {@code Secure} and every answer
 * carries HSTS — decided by the configured URL, not by the connection or any forwarded header.
 */
@MicronautTest(transactional = false)
class PublicHttpsUrlEndToEndTest extends EndToEnd {

    private static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.public-url", "https://desk.partner.test/");
        return settings;
    }

    @Test
    void everyAnswerCarriesHstsRefusalsAndErrorsToo() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        List<Answer> answers = List.of(
                send("GET", "/health", null, null),
                send("POST", "/login", null, Map.of("username", ADMIN, "password", ADMIN_PASSWORD)),
                send("POST", "/login", null, Map.of("username", ADMIN, "password", "Not-The-Passw0rd")),
                send("GET", "/v1/users", null, null),
                send("GET", "/v1/users", admin, null),
                send("GET", "/v1/users", loginDemo("sales.agent@partner.demo"), null),
                send("GET", "/v1/nothing-here", admin, null),
                send("GET", "/ui/login", null, null, "Accept", "text/html"),
                send("GET", "/ui/customers", null, null, "Accept", "text/html"),
                send("GET", "/assets/app.css", null, null));
        assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 401, 401, 200, 403, 404, 200, 303, 200);
        for (Answer answer : answers) {
            assertThat(answer.header("Strict-Transport-Security")).as(answer.toString()).isEqualTo(HSTS);
        }
    }

    @Test
    void theDashboardsCookiesAreSecureOverTheProxysPlainHttp() {
        Answer form = send("GET", "/ui/login", null, null, "Accept", "text/html");
        assertThat(form.cookieAttributes(UiCsrf.SEED_COOKIE)).contains("secure", "httponly");

        Answer signedIn = dashboardSignIn(ADMIN, ADMIN_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.cookieAttributes(SessionCookie.NAME)).contains("secure", "httponly", "samesite=strict");

        String session = signedIn.headers("Set-Cookie").stream().filter(line -> line.startsWith(SessionCookie.NAME + "="))
                .findFirst().orElseThrow().split(";")[0].substring(SessionCookie.NAME.length() + 1);
        Answer signedOut = send("POST", "/ui/logout", null, "csrfToken=" + UiCsrf.token(DASHBOARD_CSRF_SEED, session),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                "Cookie", SessionCookie.NAME + "=" + session + "; " + UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED);
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.cookieAttributes(SessionCookie.NAME)).contains("secure", "max-age=0");
    }
}
