package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service callers end to end on MariaDB: a global admin registers an application, which gets tokens
 * with the client-credentials grant (body and HTTP Basic), calls the API with its roles, and is named
 * on the activity log; rotation, revocation of a secret and of the application, and the refusals. The
 * second factor is required of ADMIN_AGENT here, and an application holding that role is not asked for one.
 */
@MicronautTest(transactional = false)
class ApplicationsEndToEndTest extends EndToEnd {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String HUNGARIAN_OFFER = "DG7GMGF0BHXC:0001:DZH318Z0TBEM";

    private String admin;

    @Override
    Optional<String> mfaRequiredRoles() {
        return Optional.of("ADMIN_AGENT");
    }

    @BeforeAll
    void signIn() {
        admin = login(ADMIN, ADMIN_PASSWORD);
    }

    /** A registered application: its client id, first credential and secret. */
    record App(String clientId, String credentialId, String secret) {
    }

    private App register(String name, String... roles) {
        Answer registered = send("POST", "/v1/applications", admin, Map.of("name", name, "roles", List.of(roles)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Map<String, Object> body = registered.json();
        return new App((String) body.get("clientId"), (String) body.get("credentialId"), (String) body.get("clientSecret"));
    }

    private Answer grantInBody(String clientId, String secret) {
        return send("POST", "/oauth2/token", null, "grant_type=client_credentials&client_id=" + encode(clientId)
                + "&client_secret=" + encode(secret), "Content-Type", FORM);
    }

    private Answer grantWithBasic(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        return send("POST", "/oauth2/token", null, "grant_type=client_credentials", "Content-Type", FORM,
                "Authorization", "Basic " + basic);
    }

    private String token(App app) {
        Answer granted = grantInBody(app.clientId(), app.secret());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return (String) granted.json().get("access_token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void registeredApplicationGetsTokensBothWaysActsWithItsRolesAndIsNamedOnTheActivityLog() {
        Answer registered = send("POST", "/v1/applications", admin, Map.of("name", "Order sync", "roles", List.of("ADMIN_AGENT")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = registered.json();
        String clientId = (String) body.get("clientId");
        String secret = (String) body.get("clientSecret");
        assertThat(body).containsEntry("id", clientId).containsEntry("name", "Order sync").containsEntry("status", "active")
                .containsEntry("roles", List.of("ADMIN_AGENT")).containsEntry("createdBy", ADMIN);
        assertThat(secret).startsWith("cspd_").hasSize(48);
        assertThat(registered.header("Location")).isEqualTo("/v1/applications/" + clientId);
        // Never shown again: not in the application, not in the list.
        Answer read = send("GET", "/v1/applications/" + clientId, admin, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret).contains(secret.substring(secret.length() - 4));
        assertThat(send("GET", "/v1/applications", admin, null).body()).contains(clientId).doesNotContain(secret);

        Answer inBody = grantInBody(clientId, secret);
        assertThat(inBody.status()).as(inBody.toString()).isEqualTo(200);
        assertThat(inBody.header("Cache-Control")).isEqualTo("no-store");
        assertThat(inBody.json()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600)
                .containsKey("access_token");
        Answer basic = grantWithBasic(clientId, secret);
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
        String token = (String) basic.json().get("access_token");

        // ADMIN_AGENT's rights, no second factor asked although the role requires one of users.
        assertThat(send("GET", "/v1/customers", token, null).status()).isEqualTo(200);
        String domain = "app-made-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Answer customer = send("POST", "/v1/customers", token, Map.of("companyProfile", Map.of("companyName", "App Made Kft.",
                "domain", domain), "billingProfile", Map.of("country", "HU")), "MS-RequestId", "app-customer-" + domain);
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        String tenant = (String) customer.json().get("id");
        Answer order = send("POST", "/v1/customers/" + tenant + "/orders", token, Map.of("billingCycle", "one_time",
                "lineItems", List.of(Map.of("lineItemNumber", 0, "offerId", HUNGARIAN_OFFER, "quantity", 1))),
                "MS-RequestId", "app-order-" + domain);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        // Not the global admin's rights: the log and the users are not an ADMIN_AGENT's.
        assertThat(send("GET", "/v1/users", token, null).status()).isEqualTo(403);

        Answer log = send("GET", "/v1/auditrecords?size=500", admin, null);
        assertThat(log.status()).isEqualTo(200);
        List<Map<String, Object>> records = (List<Map<String, Object>>) log.json().get("items");
        List<Map<String, Object>> byApp = records.stream().filter(r -> clientId.equals(r.get("applicationId"))).toList();
        assertThat(byApp).extracting(r -> r.get("customerId")).contains(tenant);
        assertThat(byApp).extracting(r -> r.get("userPrincipalName")).containsOnly("app:" + clientId);
        assertThat(byApp.size()).isGreaterThanOrEqualTo(2);
        assertThat(records).anySatisfy(r -> assertThat(r).containsEntry("operationType", "register_application")
                .containsEntry("resourceType", "application").containsEntry("resourceId", clientId)
                .containsEntry("userPrincipalName", ADMIN));
        assertThat(records).anySatisfy(r -> assertThat(r).containsEntry("operationType", "add_application_credential")
                .containsEntry("resourceType", "application_credential").containsEntry("resourceId", body.get("credentialId")));
        assertThat(log.body()).doesNotContain(secret);
    }

    @Test
    void twoSecretsLiveAtOnceAndARevokedOnesTokensAreRefusedAtOnce() {
        App app = register("Rotating sync", "SALES_AGENT");
        Answer second = send("POST", "/v1/applications/" + app.clientId() + "/secrets", admin, null);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.header("Cache-Control")).isEqualTo("no-store");
        String secondSecret = (String) second.json().get("clientSecret");
        String secondId = (String) second.json().get("id");
        assertThat(secondSecret).isNotEqualTo(app.secret());

        String oldToken = token(app);
        String newToken = token(new App(app.clientId(), secondId, secondSecret));
        assertThat(send("GET", "/v1/customers", oldToken, null).status()).isEqualTo(200);
        assertThat(send("GET", "/v1/customers", newToken, null).status()).isEqualTo(200);

        Answer revoked = send("DELETE", "/v1/applications/" + app.clientId() + "/secrets/" + app.credentialId(), admin, null);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(send("DELETE", "/v1/applications/" + app.clientId() + "/secrets/" + app.credentialId(), admin, null)
                .status()).as("again: nothing more to do").isEqualTo(204);

        assertThat(send("GET", "/v1/customers", oldToken, null).status()).isEqualTo(401);
        assertThat(send("GET", "/v1/customers", newToken, null).status()).isEqualTo(200);
        Answer oldSecret = grantInBody(app.clientId(), app.secret());
        assertThat(oldSecret.status()).isEqualTo(401);
        assertThat(oldSecret.json()).containsEntry("error", "invalid_client");
        assertThat(send("GET", "/v1/applications/" + app.clientId(), admin, null).body()).contains("\"revoked\"", "\"active\"");
        assertThat(send("DELETE", "/v1/applications/" + app.clientId() + "/secrets/" + UUID.randomUUID(), admin, null)
                .problemCode()).isEqualTo("application_credential_not_found");
    }

    @Test
    void aRevokedApplicationGetsNoTokenAndItsTokensAreRefused() {
        App app = register("Retired sync", "ADMIN_AGENT");
        String token = token(app);

        assertThat(send("DELETE", "/v1/applications/" + app.clientId(), admin, null).status()).isEqualTo(204);

        assertThat(send("GET", "/v1/customers", token, null).status()).isEqualTo(401);
        assertThat(grantWithBasic(app.clientId(), app.secret()).status()).isEqualTo(401);
        Answer kept = send("GET", "/v1/applications/" + app.clientId(), admin, null);
        assertThat(kept.json()).containsEntry("status", "revoked").containsKey("revokedAt");
        assertThat(send("POST", "/v1/applications/" + app.clientId() + "/secrets", admin, null).problemCode())
                .isEqualTo("application_revoked");
        assertThat(send("DELETE", "/v1/applications/" + UUID.randomUUID(), admin, null).problemCode())
                .isEqualTo("application_not_found");
    }

    @Test
    void onlyAGlobalAdminUserManagesApplications() {
        String agent = createUser(admin, "agent.for.apps@partner.test", "Agent-For-Apps-Passw0rd", "SALES_AGENT");
        assertThat(send("POST", "/v1/applications", agent, Map.of("name", "Mine", "roles", List.of("SALES_AGENT")))
                .status()).isEqualTo(403);
        assertThat(send("GET", "/v1/applications", agent, null).status()).isEqualTo(403);
        assertThat(send("POST", "/v1/applications", null, Map.of("name", "Mine", "roles", List.of("SALES_AGENT")))
                .status()).isEqualTo(401);

        // An application holding the global admin's role still registers nothing, and is no user.
        App mighty = register("Mighty sync", "GLOBAL_ADMIN");
        String token = token(mighty);
        assertThat(send("POST", "/v1/applications", token, Map.of("name", "Child", "roles", List.of("SALES_AGENT")))
                .status()).isEqualTo(403);
        assertThat(send("POST", "/v1/applications/" + mighty.clientId() + "/secrets", token, null).status()).isEqualTo(403);
        assertThat(send("GET", "/v1/me/mfa", token, null).problemCode()).isEqualTo("application_not_a_user");
        assertThat(send("POST", "/v1/me/signout-everywhere", token, null).problemCode()).isEqualTo("application_not_a_user");
        assertThat(send("GET", "/v1/users", token, null).status()).as("its roles' other rights").isEqualTo(200);
    }

    @Test
    void badRegistrationsAreRefusedByField() {
        Answer customerRole = send("POST", "/v1/applications", admin, Map.of("name", "Tenant app",
                "roles", List.of("CUSTOMER_GLOBAL_ADMIN")), "Accept-Language", "de");
        assertThat(customerRole.problemCode()).isEqualTo("validation_failed");
        assertThat(customerRole.body()).contains("roles", "Partnerrollen");
        assertThat(send("POST", "/v1/applications", admin, Map.of("name", " ", "roles", List.of("SALES_AGENT"))).body())
                .contains("\"field\":\"name\"", "Give the application a name.");
        assertThat(send("POST", "/v1/applications", admin, Map.of("name", "X", "roles", List.of("OWNER"))).body())
                .contains("Unknown role OWNER");
    }

    @Test
    void theTokenEndpointAnswersRfc6749Errors() {
        App app = register("Strict sync", "SALES_AGENT");

        Answer wrong = grantInBody(app.clientId(), app.secret() + "x");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json()).containsEntry("error", "invalid_client");
        assertThat(wrong.header("WWW-Authenticate")).isNull();
        Answer wrongBasic = grantWithBasic(app.clientId(), "nope");
        assertThat(wrongBasic.status()).isEqualTo(401);
        assertThat(wrongBasic.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(wrongBasic.header("Cache-Control")).isEqualTo("no-store");

        Answer unknownGrant = send("POST", "/oauth2/token", null, "grant_type=password&username=a&password=b",
                "Content-Type", FORM);
        assertThat(unknownGrant.status()).isEqualTo(400);
        assertThat(unknownGrant.json()).containsEntry("error", "unsupported_grant_type");
        Answer noGrant = send("POST", "/oauth2/token", null, "client_id=" + app.clientId(), "Content-Type", FORM);
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.json()).containsEntry("error", "invalid_request");
        Answer bothWays = send("POST", "/oauth2/token", null, "grant_type=client_credentials&client_id=" + app.clientId(),
                "Content-Type", FORM, "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (app.clientId() + ":" + app.secret()).getBytes(StandardCharsets.UTF_8)));
        assertThat(bothWays.json()).containsEntry("error", "invalid_request");
        Answer noClient = send("POST", "/oauth2/token", null, "grant_type=client_credentials", "Content-Type", FORM);
        assertThat(noClient.status()).isEqualTo(401);
        assertThat(noClient.json()).containsEntry("error", "invalid_client");
        // The endpoint opens nothing else: a token of its own is still needed everywhere.
        assertThat(send("GET", "/oauth2/token", null, null).status()).isIn(404, 405);
    }

    @Test
    void failedGrantsAreThrottledLikeSignIns() {
        App app = register("Guessed sync", "SALES_AGENT");
        for (int i = 0; i < 6; i++) {
            assertThat(grantInBody(app.clientId(), "cspd_guess-" + i).status()).isEqualTo(401);
        }

        Answer throttled = grantInBody(app.clientId(), app.secret());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).matches("[0-9]+");
        assertThat(throttled.json()).containsEntry("error", "too_many_attempts");
    }

    @Test
    void theDashboardPageRegistersShowsTheSecretOnceAndRevokes() {
        String session = sessionOf(dashboardSignIn(ADMIN, ADMIN_PASSWORD));
        String cookie = SessionCookie.NAME + "=" + session + "; " + UiCsrf.SEED_COOKIE + "=" + DASHBOARD_CSRF_SEED;
        String csrf = UiCsrf.FIELD + "=" + UiCsrf.token(DASHBOARD_CSRF_SEED, session);

        Answer page = send("GET", "/ui/settings/applications", null, null, "Accept", "text/html", "Cookie", cookie,
                "Accept-Language", "hu");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Alkalmazások", "data-action=\"register-application\"");

        Answer registered = send("POST", "/ui/settings/applications", null, csrf + "&name=Dashboard+sync&role=SALES_AGENT",
                "Content-Type", FORM, "Accept", "text/html", "Cookie", cookie);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Cache-Control")).contains("no-store");
        String secret = registered.body().replaceAll("(?s).*data-field=\"client-secret\">([^<]+)<.*", "$1");
        String clientId = registered.body().replaceAll("(?s).*data-field=\"client-id\">([^<]+)<.*", "$1");
        assertThat(secret).startsWith("cspd_").hasSize(48);
        assertThat(grantInBody(clientId, secret).status()).isEqualTo(200);
        assertThat(send("GET", "/ui/settings/applications", null, null, "Accept", "text/html", "Cookie", cookie).body())
                .contains(clientId).doesNotContain(secret);

        Answer revoked = send("POST", "/ui/settings/applications/" + clientId + "/revoke", null, csrf, "Content-Type", FORM,
                "Accept", "text/html", "Cookie", cookie);
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(grantInBody(clientId, secret).status()).isEqualTo(401);

        createUser(admin, "dashboard.agent@partner.test", "Dashboard-Agent-Passw0rd", "SALES_AGENT");
        String agent = sessionOf(dashboardSignIn("dashboard.agent@partner.test", "Dashboard-Agent-Passw0rd"));
        assertThat(send("GET", "/ui/settings/applications", null, null, "Accept", "text/html", "Cookie",
                SessionCookie.NAME + "=" + agent).status()).isEqualTo(403);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
