package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 2: 40 wrong passwords in a row, then the right one, must not sign in. The product's
 * clock stands still (so every back-off is exact and nothing waits in real time: the test moves the
 * sandbox clock past it), and the test sends its client addresses through a trusted proxy
 * ({@code X-Forwarded-For} from 127.0.0.1), one address per test.
 */
@MicronautTest(transactional = false)
@Property(name = "cspdesk.trusted-proxies", value = "127.0.0.1,::1")
class SignInThrottleEndToEndTest extends EndToEnd {

    private static final String PASSWORD = "Throttle-Test-Passw0rd!";
    private static final String WRONG = "Not-The-Passw0rd-1";

    @Override
    boolean clockStandsStill() {
        return true;
    }

    @Test
    void fortyWrongPasswordsThenTheRightOneIsTooManyAttemptsUntilTheBackOffHasPassed() {
        String user = create("guessed.user@partner.test");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(signIn(user, WRONG + i, "203.0.113.10").status());
        }
        // Five free failures, the sixth starts the back-off; the rest are throttled without a hash.
        assertThat(statuses.subList(0, 6)).containsOnly(401);
        assertThat(statuses.subList(6, 40)).containsOnly(429);

        Answer right = signIn(user, PASSWORD, "203.0.113.10", "Accept-Language", "de");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.problemCode()).isEqualTo("too_many_attempts");
        assertThat(right.header("Retry-After")).isEqualTo("15");
        assertThat(right.json()).containsEntry("title", "Zu viele Anmeldeversuche");
        assertThat((String) right.json().get("detail")).contains("15 Sekunden");
        // The account is throttled wherever the attempt comes from.
        assertThat(signIn(user, PASSWORD, "198.51.100.77").status()).isEqualTo(429);

        // Another account, from another address, is not held up.
        String other = create("bystander.user@partner.test");
        assertThat(signIn(other, PASSWORD, "198.51.100.78").status()).isEqualTo(200);

        assertThat(send("PUT", "/v1/test/clock", admin(), Map.of("advanceBy", "PT15S")).status()).isEqualTo(200);
        Answer later = signIn(user, PASSWORD, "203.0.113.10");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json()).containsKey("access_token");
        // The success cleared the account's failures: a typo now is an ordinary refusal again.
        assertThat(signIn(user, WRONG, "203.0.113.10").status()).isEqualTo(401);
    }

    @Test
    void anAddressGuessingAcrossAccountsIsThrottledForEveryAccountThere() {
        String user = create("behind.the.guesser@partner.test");
        for (int i = 0; i < 21; i++) {
            assertThat(signIn("nobody-" + i + "@partner.test", WRONG, "203.0.113.20").status()).isEqualTo(401);
        }

        Answer throttled = signIn(user, PASSWORD, "203.0.113.20");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemCode()).isEqualTo("too_many_attempts");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(signIn(user, PASSWORD, "203.0.113.21").status()).isEqualTo(200);
    }

    @Test
    void theDashboardFormShowsTheThrottledMessageWith429() {
        String user = create("dashboard.guessed@partner.test");
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(user, WRONG, "203.0.113.30").status()).isEqualTo(401);
        }

        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&csrfToken=" + UiCsrf.token(DASHBOARD_CSRF_SEED, "");
        Answer page = send("POST", UiUrls.SIGN_IN, null, form, "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html", "Cookie", UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED,
                "X-Forwarded-For", "203.0.113.30");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Too many failed sign-ins. Try again in 15 seconds.");
        assertThat(page.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith(SessionCookie.NAME + "="));
    }

    @Test
    void failedSignInsAndTheLockOutAreInTheActivityLogForAGlobalAdmin() {
        String user = create("audited.guess@partner.test");
        for (int i = 0; i < 7; i++) {
            signIn(user, WRONG, "203.0.113.40");
        }
        // The log is read up to now, exclusive; the product's clock stands still, so move it on a second.
        assertThat(send("PUT", "/v1/test/clock", admin(), Map.of("advanceBy", "PT1S")).status()).isEqualTo(200);

        List<Map<String, Object>> failures = records("sign_in", user);
        assertThat(failures).hasSize(6).allSatisfy(record -> assertThat(record)
                .containsEntry("operationStatus", "failed").containsEntry("resourceType", "partner_user")
                .containsEntry("resourceKind", "user").containsEntry("operationType", "undefined")
                .containsEntry("resourceId", user));
        assertThat(failures.get(0).get("customizedData").toString()).contains("203.0.113.40");
        List<Map<String, Object>> lockOuts = records("sign_in_locked_out", user);
        assertThat(lockOuts).hasSize(1);
        assertThat(lockOuts.get(0).get("customizedData").toString()).contains("{key=scope, value=account}",
                "{key=failures, value=6}", "{key=backOff, value=PT15S}");
        // Passwords are never in it.
        assertThat(send("GET", "/v1/auditrecords", admin(), null).body()).doesNotContain(WRONG, PASSWORD);
    }

    private List<Map<String, Object>> records(String operationKind, String user) {
        String filter = URLEncoder.encode("{\"field\":\"OperationKind\",\"value\":\"" + operationKind
                + "\",\"operator\":\"equals\"}", StandardCharsets.UTF_8);
        Answer answer = send("GET", "/v1/auditrecords?size=500&filter=" + filter, admin(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.json().get("items");
        return items.stream().filter(record -> user.equals(record.get("userPrincipalName"))).toList();
    }

    private Answer signIn(String username, String password, String from, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Forwarded-For", from));
        all.addAll(List.of(headers));
        return send("POST", "/login", null, Map.of("username", username, "password", password), all.toArray(String[]::new));
    }

    /** The first global admin, signed in (from 127.0.0.1, which no test throttles). */
    private String admin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    private String create(String username) {
        Answer created = send("POST", "/v1/users", admin(), Map.of("username", username, "password", PASSWORD,
                "roles", List.of("SALES_AGENT")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
