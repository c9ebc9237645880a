package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 3: multi-factor sign-in with TOTP, over HTTP on MariaDB. The test computes codes from
 * the secret it was given with the same library (java-otp), for real time: the product accepts the
 * current step and one either side, so a step boundary passing during the test changes nothing; where
 * a step was used already the test uses the next one, which is acceptable too. Admin agents must enrol
 * in this class ({@code cspdesk.mfa.required-roles=ADMIN_AGENT}); sales agents may.
 */
@MicronautTest(transactional = false)
class MultiFactorSignInEndToEndTest extends EndToEnd {

    private static final String PASSWORD = "Second-Factor-Passw0rd!";

    @Inject
    Environment environment;
    private String admin;

    @Override
    Optional<String> mfaRequiredRoles() {
        return Optional.of("ADMIN_AGENT");
    }

    @BeforeAll
    void signIn() {
        admin = login(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void enrolConfirmThenAPasswordAloneIsNotEnoughAndEachCodeWorksOnce() throws Exception {
        String token = create("totp.sales@partner.test", "SALES_AGENT");
        assertThat(send("GET", "/v1/me/mfa", token, null).json()).containsEntry("enrolled", false).containsEntry("required", false);

        Answer enrolled = send("POST", "/v1/me/mfa/totp", token, null);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String secret = (String) enrolled.json().get("secret");
        @SuppressWarnings("unchecked")
        List<String> recoveryCodes = (List<String>) enrolled.json().get("recoveryCodes");
        assertThat((String) enrolled.json().get("otpauthUri")).startsWith("otpauth://totp/CSP%20Software%20Desk:totp.sales%40partner.test?secret=" + secret);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();

        Answer wrong = send("POST", "/v1/me/mfa/totp/confirm", token, Map.of("code", wrongCode(secret)));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.problemCode()).isEqualTo("invalid_mfa_code");
        // Until confirmed, the password alone still signs in.
        assertThat(send("GET", "/v1/customers", login("totp.sales@partner.test", PASSWORD), null).status()).isEqualTo(200);

        long step = currentStep();
        assertThat(send("POST", "/v1/me/mfa/totp/confirm", token, Map.of("code", code(secret, step))).status()).isEqualTo(204);
        assertThat(send("GET", "/v1/customers", token, null).status()).as("confirming ends the sessions").isEqualTo(401);
        Answer again = send("POST", "/v1/me/mfa/totp", login2("totp.sales@partner.test", secret, step + 1), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("mfa_already_enrolled");

        // The password alone: 401 mfa_required with a token that is no access token.
        Answer passwordOnly = passwordStep("totp.sales@partner.test");
        String mfaToken = (String) passwordOnly.json().get("mfaToken");
        assertThat(send("GET", "/v1/customers", mfaToken, null).status()).isEqualTo(401);
        // The step the sign-in above used is spent: the same code again is refused.
        Answer reused = send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", code(secret, step + 1)));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.problemCode()).isEqualTo("invalid_mfa_code");

        // A recovery code, once.
        Answer recovered = send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", recoveryCodes.get(0)));
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        String recoveredToken = (String) recovered.json().get("access_token");
        assertThat(send("GET", "/v1/customers", recoveredToken, null).status()).isEqualTo(200);
        Answer secondUse = send("POST", "/login/mfa", null, Map.of("mfaToken",
                passwordStep("totp.sales@partner.test").json().get("mfaToken"), "code", recoveryCodes.get(0)));
        assertThat(secondUse.problemCode()).isEqualTo("invalid_mfa_code");
        assertThat(send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", recoveryCodes.get(1))).problemCode())
                .as("a token is used up by its sign-in").isEqualTo("mfa_token_invalid");
        assertThat(send("GET", "/v1/me/mfa", recoveredToken, null).json()).containsEntry("enrolled", true)
                .containsEntry("recoveryCodesLeft", 9);

        // Neither the secret nor a recovery code is in the database.
        String stored = tableText("second_factor") + tableText("second_factor_recovery_code");
        assertThat(stored).contains("totp.sales@partner.test").doesNotContain(secret, secret.toLowerCase(Locale.ROOT));
        for (String recoveryCode : recoveryCodes) {
            assertThat(stored).doesNotContain(recoveryCode, recoveryCode.replace("-", ""));
        }
    }

    @Test
    void fiveWrongCodesEndTheSecondStepAndAForgedTokenNeverStartsOne() {
        String token = create("guessed.sales@partner.test", "SALES_AGENT");
        String secret = enrolAndConfirm(token);

        String mfaToken = (String) passwordStep("guessed.sales@partner.test").json().get("mfaToken");
        for (int i = 0; i < 5; i++) {
            Answer guess = send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", wrongCode(secret)));
            assertThat(guess.status()).isEqualTo(401);
            assertThat(guess.problemCode()).isEqualTo("invalid_mfa_code");
        }
        Answer sixth = send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", code(secret, currentStep() + 1)));
        assertThat(sixth.status()).isEqualTo(401);
        assertThat(sixth.problemCode()).isEqualTo("mfa_token_invalid");

        String forged = mfaToken.substring(0, mfaToken.length() - 6) + (mfaToken.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        assertThat(send("POST", "/login/mfa", null, Map.of("mfaToken", forged, "code", code(secret, currentStep() + 1)))
                .problemCode()).isEqualTo("mfa_token_invalid");
        assertThat(send("POST", "/login/mfa", null, Map.of("code", "123456")).problemCode()).isEqualTo("mfa_token_invalid");
        // A new sign-in with the password starts a new second step.
        assertThat(login2("guessed.sales@partner.test", secret, currentStep() + 1)).isNotBlank();
    }

    @Test
    void anAdminAgentWithoutASecondFactorMayOnlyEnrolOne() {
        String token = create("must.enrol@partner.test", "ADMIN_AGENT");

        Answer refused = send("GET", "/v1/customers", token, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("mfa_enrolment_required");
        assertThat(send("POST", "/v1/customers", token, Map.of()).problemCode()).isEqualTo("mfa_enrolment_required");
        assertThat(send("GET", "/v1/me/mfa", token, null).json()).containsEntry("required", true).containsEntry("enrolled", false);

        String secret = enrolAndConfirm(token);

        String full = login2("must.enrol@partner.test", secret, currentStep() + 1);
        assertThat(send("GET", "/v1/customers", full, null).status()).isEqualTo(200);
    }

    @Test
    void aGlobalAdminResetsAUsersSecondFactorWhichEndsItsSessions() {
        String token = create("lost.phone@partner.test", "SALES_AGENT");
        String secret = enrolAndConfirm(token);
        String signedIn = login2("lost.phone@partner.test", secret, currentStep() + 1);
        Answer bySales = send("DELETE", "/v1/users/lost.phone@partner.test/mfa", signedIn, null);
        assertThat(bySales.status()).isEqualTo(403);

        assertThat(send("DELETE", "/v1/users/Lost.Phone@partner.test/mfa", admin, null).status()).isEqualTo(204);

        assertThat(send("GET", "/v1/customers", signedIn, null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/customers", login("lost.phone@partner.test", PASSWORD), null).status()).isEqualTo(200);
        Answer again = send("DELETE", "/v1/users/lost.phone@partner.test/mfa", admin, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.problemCode()).isEqualTo("mfa_not_found");
        assertThat(send("DELETE", "/v1/users/nobody.here@partner.test/mfa", admin, null).status()).isEqualTo(404);

        // The activity log has the enrolment, by the user, and the reset, by the admin, both about the user.
        Answer log = send("GET", "/v1/auditrecords", admin, null);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) log.json().get("items");
        assertThat(records).filteredOn(r -> "lost.phone@partner.test".equals(r.get("resourceId")))
                .extracting(r -> r.get("operationKind") + " by " + r.get("userPrincipalName"))
                .contains("enrol_mfa by lost.phone@partner.test", "reset_mfa by " + ADMIN);
        // Partner Center calls both a change to the partner user.
        assertThat(records).filteredOn(r -> "lost.phone@partner.test".equals(r.get("resourceId"))
                        && List.of("enrol_mfa", "reset_mfa").contains(r.get("operationKind")))
                .extracting(r -> r.get("operationType") + " on " + r.get("resourceType"))
                .containsExactly("update_partner_user on partner_user", "update_partner_user on partner_user");
    }

    @Test
    void onTheDashboardEnrolTurnItOnAndSignInWithTheCodeStep() {
        String session = dashboardUser("dash.sales@partner.test", "SALES_AGENT");
        assertThat(page("GET", UiUrls.SECURITY, session, null).body()).contains("data-mfa=\"off\"");

        Answer enrolment = page("POST", UiUrls.SECURITY + "/totp", session, "");
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(200);
        assertThat(enrolment.body()).contains("src=\"data:image/svg+xml;base64,").contains("class=\"recovery-codes\"");
        String secret = between(enrolment.body(), "<code id=\"totp-secret\">", "</code>").replace(" ", "");
        assertThat(page("POST", UiUrls.SECURITY + "/totp/confirm", session, "code=" + wrongCode(secret)).status()).isEqualTo(422);

        Answer on = page("POST", UiUrls.SECURITY + "/totp/confirm", session, "code=" + code(secret, currentStep()));
        assertThat(on.status()).isEqualTo(303);
        assertThat(on.header("Location")).isEqualTo(UiUrls.SIGN_IN + "?mfaOn=1");
        assertThat(page("GET", UiUrls.CUSTOMERS, session, null).header("Location")).as("signed out").startsWith(UiUrls.SIGN_IN);

        Answer firstStep = dashboardSignIn("dash.sales@partner.test", PASSWORD);
        assertThat(firstStep.status()).isEqualTo(200);
        assertThat(firstStep.body()).contains("action=\"/ui/login/mfa\"");
        assertThat(firstStep.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith(SessionCookie.NAME + "=ey"));
        String mfaToken = between(firstStep.body(), "name=\"mfaToken\" value=\"", "\"");
        String form = "mfaToken=" + URLEncoder.encode(mfaToken, StandardCharsets.UTF_8) + "&next=&" + UiCsrf.FIELD + "="
                + UiCsrf.token(DASHBOARD_CSRF_SEED, "") + "&code=";
        String[] anonymous = {"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                "Cookie", UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED};
        Answer wrongStep = send("POST", "/ui/login/mfa", null, form + wrongCode(secret), anonymous);
        assertThat(wrongStep.status()).isEqualTo(401);
        assertThat(wrongStep.body()).contains("id=\"mfa-error\"");
        Answer secondStep = send("POST", "/ui/login/mfa", null, form + code(secret, currentStep() + 1), anonymous);
        assertThat(secondStep.status()).as(secondStep.body()).isEqualTo(303);
        assertThat(page("GET", UiUrls.CUSTOMERS, sessionOf(secondStep), null).status()).isEqualTo(200);
        assertThat(page("GET", UiUrls.SECURITY, sessionOf(secondStep), null).body()).contains("data-mfa=\"on\"");
    }

    @Test
    void onTheDashboardAnAdminAgentWithoutASecondFactorIsSentToSetItUp() {
        String session = dashboardUser("dash.admin@partner.test", "ADMIN_AGENT");

        Answer customers = page("GET", UiUrls.CUSTOMERS, session, null);
        assertThat(customers.status()).isEqualTo(303);
        assertThat(customers.header("Location")).isEqualTo(UiUrls.SECURITY);
        Answer security = page("GET", UiUrls.SECURITY, session, null);
        assertThat(security.status()).isEqualTo(200);
        assertThat(security.body()).contains("data-mfa=\"off\"", "data-action=\"start-mfa\"");
    }

    /** A dashboard request with the session cookie (and, for a POST, its CSRF token and a form body). */
    private Answer page(String method, String path, String session, String form) {
        String cookie = SessionCookie.NAME + "=" + session + "; " + UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED;
        if (form == null) {
            return send(method, path, null, null, "Accept", "text/html", "Cookie", cookie);
        }
        return send(method, path, null, form, "Accept", "text/html", "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded", UiCsrf.HEADER, UiCsrf.token(DASHBOARD_CSRF_SEED, session));
    }

    /** A new user of that role, signed in to the dashboard: its session. */
    private String dashboardUser(String username, String role) {
        create(username, role);
        return sessionOf(dashboardSignIn(username, PASSWORD));
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        assertThat(start).as("%s in the page", before).isNotNegative();
        start += before.length();
        return text.substring(start, text.indexOf(after, start));
    }

    /** Creates the user (as the global admin) and signs it in with the password. */
    private String create(String username, String role) {
        return createUser(admin, username, PASSWORD, role);
    }

    /** Enrols and confirms with the current step's code; the secret. */
    private String enrolAndConfirm(String token) {
        Answer enrolled = send("POST", "/v1/me/mfa/totp", token, null);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String secret = (String) enrolled.json().get("secret");
        Answer confirmed = send("POST", "/v1/me/mfa/totp/confirm", token, Map.of("code", code(secret, currentStep())));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        return secret;
    }

    private Answer passwordStep(String username) {
        Answer answer = send("POST", "/login", null, Map.of("username", username, "password", PASSWORD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("mfa_required");
        assertThat((String) answer.json().get("mfaToken")).isNotBlank();
        return answer;
    }

    /** Both steps: the password, then the code of {@code step}; the access token. */
    private String login2(String username, String secret, long step) {
        String mfaToken = (String) passwordStep(username).json().get("mfaToken");
        Answer answer = send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", code(secret, step)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return (String) answer.json().get("access_token");
    }

    private static long currentStep() {
        return currentTotpStep();
    }

    private static String code(String secret, long step) {
        return totpCode(secret, step);
    }

    /** A six-digit code that is none of the acceptable steps' codes (around now, whichever step it is when sent). */
    private static String wrongCode(String secret) {
        long now = currentStep();
        List<String> near = new ArrayList<>();
        for (long step = now - 2; step <= now + 2; step++) {
            near.add(code(secret, step));
        }
        int candidate = 0;
        while (near.contains(String.format("%06d", candidate))) {
            candidate++;
        }
        return String.format("%06d", candidate);
    }

    /** Every value of every row of a table, as text. */
    private String tableText(String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("datasources.default.url", String.class),
                environment.getRequiredProperty("datasources.default.username", String.class),
                environment.getProperty("datasources.default.password", String.class).orElse(""));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(rows.getString(i)).append('|');
                }
            }
        }
        return text.toString();
    }
}
