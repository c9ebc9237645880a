package com.cspdesk.bootstrap.e2e;

import io.micronaut.core.type.Argument;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15's first step end to end on MariaDB: Partner Center's webhook registration — register (the
 * signing secret shown once), read, change the events, rotate the secret, delete — by users and by an
 * application with their roles, on the activity log; and the refusals: a bad URL, a private address,
 * an event the role may not read, a customer's user, a second registration. {@code 127.0.0.1} is an
 * allowed host here (as {@code CSPDESK_WEBHOOKS_ALLOWED_HOSTS} would make it), so it may take {@code http}.
 */
@MicronautTest(transactional = false)
class WebhookRegistrationEndToEndTest extends EndToEnd {

    private static final String REGISTRATION = "/webhooks/v1/registration";
    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    @Inject
    Environment environment;
    private String agent;
    private String sales;

    /** What the table keeps of the signing secret, read on the test's own connection to the product's database. */
    private String storedSecret() {
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("datasources.default.url", String.class),
                environment.getProperty("datasources.default.username", String.class).orElse(null),
                environment.getProperty("datasources.default.password", String.class).orElse(null));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sealed_secret FROM webhook_registration")) {
            assertThat(row.next()).as("a registration row").isTrue();
            return row.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.webhooks.allowed-hosts", "127.0.0.1");
        return settings;
    }

    @BeforeAll
    void signIn() {
        agent = loginDemo("admin.agent@partner.demo");
        sales = loginDemo("sales.agent@partner.demo");
    }

    private static Map<String, Object> body(String url, String... events) {
        return Map.of("WebhookUrl", url, "WebhookEvents", List.of(events));
    }

    private static List<String> list(Answer answer) {
        try {
            return answer.mapper().readValue(answer.body(), Argument.listOf(String.class));
        } catch (IOException e) {
            throw new AssertionError("not a JSON array: " + answer.body(), e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void registerReadUpdateRotateAndDeleteThePartnersOneRegistrationWithTheSecretShownOnce() {
        assertThat(send("GET", REGISTRATION, agent, null).problemCode()).isEqualTo("webhook_registration_not_found");

        Answer registered = send("POST", REGISTRATION, agent, body(RECEIVER, "order-created", "customer-created"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Cache-Control")).isEqualTo("no-store");
        assertThat(registered.header("Location")).isEqualTo(REGISTRATION);
        Map<String, Object> created = registered.json();
        String id = (String) created.get("SubscriberId");
        String secret = (String) created.get("SigningSecret");
        assertThat(created).containsEntry("WebhookUrl", RECEIVER)
                .containsEntry("WebhookEvents", List.of("customer-created", "order-created"));
        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44);
        String sealed = storedSecret();
        assertThat(sealed).as("sealed, never in clear").doesNotContain(secret.substring("whsec_".length(), 30));

        Answer again = send("POST", REGISTRATION, sales, body(RECEIVER, "order-created"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("webhook_registration_exists");

        Answer read = send("GET", REGISTRATION, sales, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).containsOnlyKeys("SubscriberId", "WebhookUrl", "WebhookEvents", "Status", "FailingSince", "DisabledAt")
                .containsEntry("SubscriberId", id).containsEntry("Status", "enabled").containsEntry("FailingSince", null)
                .containsEntry("DisabledAt", null);
        assertThat(read.body()).doesNotContain(secret);

        Answer updated = send("PUT", REGISTRATION, agent, body(RECEIVER + "/v2", "order-updated", "invoice-ready", "test-created"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("SubscriberId", id).containsEntry("WebhookUrl", RECEIVER + "/v2")
                .containsEntry("WebhookEvents", List.of("order-updated", "invoice-ready", "test-created"));
        assertThat(updated.body()).doesNotContain("whsec_");

        Answer rotated = send("POST", REGISTRATION + "/secret", sales, null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        String newSecret = (String) rotated.json().get("SigningSecret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.json()).containsEntry("SubscriberId", id);
        assertThat(send("GET", REGISTRATION, agent, null).body()).doesNotContain(newSecret);
        assertThat(storedSecret()).isNotEqualTo(sealed).doesNotContain(newSecret.substring("whsec_".length(), 30));

        assertThat(send("DELETE", REGISTRATION, agent, null).status()).isEqualTo(204);
        assertThat(send("DELETE", REGISTRATION, agent, null).problemCode()).isEqualTo("webhook_registration_not_found");
        assertThat(send("GET", REGISTRATION, agent, null).status()).isEqualTo(404);
        assertThat(send("POST", REGISTRATION + "/secret", agent, null).status()).isEqualTo(404);
        assertThat(send("PUT", REGISTRATION, agent, body(RECEIVER, "order-created")).status()).isEqualTo(404);

        // An application registers with its roles: an account admin's, invoices but not orders.
        Answer app = send("POST", "/v1/applications", login(ADMIN, ADMIN_PASSWORD),
                Map.of("name", "Billing hooks", "roles", List.of("ACCOUNT_ADMIN")));
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        Answer granted = send("POST", "/oauth2/token", null, "grant_type=client_credentials&client_id="
                + app.json().get("clientId") + "&client_secret=" + app.json().get("clientSecret"),
                "Content-Type", "application/x-www-form-urlencoded");
        String appToken = (String) granted.json().get("access_token");
        Answer byApp = send("POST", REGISTRATION, appToken, body(RECEIVER, "invoice-ready", "credit-issued"));
        assertThat(byApp.status()).as(byApp.toString()).isEqualTo(201);
        assertThat(send("PUT", REGISTRATION, appToken, body(RECEIVER, "order-created")).problemCode())
                .isEqualTo("webhook_event_not_permitted");
        assertThat(send("DELETE", REGISTRATION, appToken, null).status()).isEqualTo(204);

        Answer log = send("GET", "/v1/auditrecords?size=500", loginDemo("global.admin@partner.demo"), null);
        assertThat(log.status()).isEqualTo(200);
        List<Map<String, Object>> records = (List<Map<String, Object>>) log.json().get("items");
        assertThat(records).filteredOn(r -> id.equals(r.get("resourceId"))).extracting(r -> r.get("operationKind"))
                .containsExactlyInAnyOrder("register_webhook", "update_webhook", "rotate_webhook_secret", "delete_webhook");
        assertThat(records).filteredOn(r -> id.equals(r.get("resourceId"))).allSatisfy(r -> assertThat(r)
                .containsEntry("operationType", "undefined").containsEntry("resourceKind", "webhook_registration"));
        assertThat(log.body()).doesNotContain(secret).doesNotContain(newSecret);
    }

    @Test
    void theAvailableEventsArePartnerCentersNames() {
        Answer events = send("GET", "/webhooks/v1/availableEvents", sales, null);
        assertThat(events.status()).isEqualTo(200);
        assertThat(list(events)).containsExactly("customer-created", "order-created", "order-updated", "subscription-renewed", "subscription-expired", "subscription-updated", "credit-issued",
                "invoice-ready", "software-key-accessed", "software-download-link-created", "service-request-created",
                "service-request-updated", "test-created");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whereItMayNotPointIsRefusedOnWebhookUrlInTheCallersLanguage() {
        for (String url : List.of("https://10.0.0.5/hooks", "https://192.168.1.10/hooks", "https://[::1]/hooks",
                "https://169.254.169.254/latest", "https://localhost/hooks", "https://127.0.0.2/hooks")) {
            Answer refused = send("POST", REGISTRATION, agent, body(url, "order-created"));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("validation_failed");
            assertThat((List<Map<String, Object>>) refused.json().get("errors")).singleElement().satisfies(error ->
                    assertThat(error).containsEntry("field", "WebhookUrl").containsEntry("message",
                            "The URL may not point to a loopback, link-local, private, multicast or metadata address, nor to a local name."));
        }
        Answer http = send("POST", REGISTRATION, agent, body("http://hooks.example.com/in", "order-created"),
                "Accept-Language", "de");
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.json().get("errors").toString()).contains("WebhookUrl", "Die URL muss https verwenden.");
        Answer bad = send("POST", REGISTRATION, agent, body("not a url", "order-created"));
        assertThat(bad.json().get("errors").toString()).contains("WebhookUrl", "Give an absolute URL");
        Answer unknown = send("POST", REGISTRATION, agent, body(RECEIVER, "subscription-upgraded"));
        assertThat(unknown.json().get("errors").toString()).contains("WebhookEvents", "subscription-upgraded");
        assertThat(send("GET", REGISTRATION, agent, null).status()).as("nothing registered").isEqualTo(404);
    }

    @Test
    void anEventTheRoleMayNotReadIsRefusedByNameAndCustomersAndOtherRolesNeverRegister() {
        Answer invoices = send("POST", REGISTRATION, sales, body(RECEIVER, "order-created", "invoice-ready"), "Accept-Language", "hu");
        assertThat(invoices.status()).isEqualTo(403);
        assertThat(invoices.problemCode()).isEqualTo("webhook_event_not_permitted");
        assertThat(invoices.json().get("detail").toString()).contains("invoice-ready", "nem iratkozhat fel");

        String customer = loginDemo("customer.admin@contoso.demo");
        assertThat(send("POST", REGISTRATION, customer, body(RECEIVER, "order-created")).status()).isEqualTo(403);
        assertThat(send("GET", REGISTRATION, customer, null).status()).isEqualTo(403);
        assertThat(send("GET", "/webhooks/v1/availableEvents", customer, null).status()).isEqualTo(403);

        String referral = createUser(login(ADMIN, ADMIN_PASSWORD), "referral.hooks@partner.test", "Referral-Passw0rd!", "REFERRAL_ADMIN");
        assertThat(send("POST", REGISTRATION, referral, body(RECEIVER, "test-created")).status()).isEqualTo(403);
        assertThat(send("DELETE", REGISTRATION, referral, null).status()).isEqualTo(403);
        assertThat(send("POST", REGISTRATION, null, body(RECEIVER, "test-created")).status()).isEqualTo(401);
        assertThat(send("GET", REGISTRATION, agent, null).status()).as("nothing registered").isEqualTo(404);
    }
}
