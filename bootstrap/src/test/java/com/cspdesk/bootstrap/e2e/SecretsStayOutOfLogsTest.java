package com.cspdesk.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords, hashes, tokens and the signing key never reach a log line, even at DEBUG. */
@MicronautTest(transactional = false)
class SecretsStayOutOfLogsTest extends EndToEnd {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private ch.qos.logback.classic.Level previous;

    @BeforeAll
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterAll
    void release() {
        root.detachAppender(captured);
        root.setLevel(previous);
    }

    /** What was logged so far: a copy taken under the appender's lock, background threads logging on. */
    private List<ILoggingEvent> logged() {
        synchronized (captured) {
            return List.copyOf(captured.list);
        }
    }

    @Test
    void signingInAndManagingUsersLogsNoSecret() {
        String token = login(ADMIN, ADMIN_PASSWORD);
        send("POST", "/login", null, Map.of("username", ADMIN, "password", "Wrong-Secret-Passw0rd"));
        send("POST", "/v1/users", token, Map.of("username", "logged.user", "password", "Never-Logged-Passw0rd",
                "roles", List.of("SALES_AGENT")), "MS-RequestId", "log-check-1");
        send("POST", "/v1/users", token, Map.of("username", "weak.logged", "password", "weak", "roles", List.of("SALES_AGENT")));
        String userToken = login("logged.user", "Never-Logged-Passw0rd");
        send("GET", "/v1/users", userToken, null);

        String everything = String.join("\n", logged().stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(logged()).isNotEmpty();
        assertThat(everything).doesNotContain(ADMIN_PASSWORD, "Wrong-Secret-Passw0rd", "Never-Logged-Passw0rd",
                "\"weak\"", token, userToken, JWT_SECRET, "$argon2id$");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoStepSignInLogsNoSecretCodeOrToken() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        String token = createUser(admin, "two.step.logged", "Two-Step-Logged-Passw0rd", "SALES_AGENT");
        Map<String, Object> enrolment = send("POST", "/v1/me/mfa/totp", token, null).json();
        String secret = (String) enrolment.get("secret");
        List<String> recoveryCodes = (List<String>) enrolment.get("recoveryCodes");
        long step = currentTotpStep();
        send("POST", "/v1/me/mfa/totp/confirm", token, Map.of("code", totpCode(secret, step)));
        String mfaToken = (String) send("POST", "/login", null, Map.of("username", "two.step.logged",
                "password", "Two-Step-Logged-Passw0rd")).json().get("mfaToken");
        send("POST", "/login/mfa", null, Map.of("mfaToken", mfaToken, "code", recoveryCodes.get(0)));
        String signedIn = (String) send("POST", "/login/mfa", null, Map.of("mfaToken", (String) send("POST", "/login", null,
                Map.of("username", "two.step.logged", "password", "Two-Step-Logged-Passw0rd")).json().get("mfaToken"),
                "code", totpCode(secret, step + 1))).json().get("access_token");
        send("GET", "/v1/me/mfa", signedIn, null);

        String everything = String.join("\n", logged().stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(signedIn).isNotBlank();
        // (Six-digit codes are left out of the check: any long number in a log line holds some, and a used code is spent.)
        assertThat(everything).doesNotContain(secret, mfaToken, signedIn).doesNotContain(recoveryCodes.toArray(String[]::new));
    }

    @Test
    void applicationsSecretsAndTokensStayOutOfTheLogs() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        Map<String, Object> registered = send("POST", "/v1/applications", admin, Map.of("name", "Logged sync",
                "roles", List.of("ADMIN_AGENT"))).json();
        String clientId = (String) registered.get("clientId");
        String secret = (String) registered.get("clientSecret");
        String second = (String) send("POST", "/v1/applications/" + clientId + "/secrets", admin, null).json().get("clientSecret");
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=";
        String token = (String) send("POST", "/oauth2/token", null, form + secret,
                "Content-Type", "application/x-www-form-urlencoded").json().get("access_token");
        String basic = java.util.Base64.getEncoder().encodeToString((clientId + ":" + second).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String viaBasic = (String) send("POST", "/oauth2/token", null, "grant_type=client_credentials",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic).json().get("access_token");
        send("POST", "/oauth2/token", null, form + "cspd_Wrong-Secret-Never-Logged", "Content-Type", "application/x-www-form-urlencoded");
        send("GET", "/v1/customers", token, null);
        send("GET", "/v1/customers", viaBasic, null);

        String everything = String.join("\n", logged().stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(token).isNotBlank();
        assertThat(viaBasic).isNotBlank();
        assertThat(everything).doesNotContain(secret, second, token, viaBasic, basic, "cspd_Wrong-Secret-Never-Logged",
                secret.substring(5, 30), second.substring(5, 30));
    }

    @Test
    void webhookSigningSecretsStayOutOfTheLogs() {
        String agent = loginDemo("admin.agent@partner.demo");
        Map<String, Object> body = Map.of("WebhookUrl", "https://203.0.113.10/hooks", "WebhookEvents", List.of("order-created"));
        String secret = (String) send("POST", "/webhooks/v1/registration", agent, body).json().get("SigningSecret");
        String renewed = (String) send("POST", "/webhooks/v1/registration/secret", agent, null).json().get("SigningSecret");
        send("PUT", "/webhooks/v1/registration", agent, body);
        send("DELETE", "/webhooks/v1/registration", agent, null);

        String everything = String.join("\n", logged().stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(secret).startsWith("whsec_");
        assertThat(renewed).startsWith("whsec_");
        assertThat(everything).doesNotContain(secret.substring(6, 30), renewed.substring(6, 30));
    }
}
