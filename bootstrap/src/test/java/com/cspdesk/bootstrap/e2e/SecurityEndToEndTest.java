package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.web.security.SignedInClaims;
import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Username;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SecurityEndToEndTest extends EndToEnd {

    @Inject
    Users users;

    /** Not the defaults: the configured issuer and audience are the ones written and demanded. */
    private static final String ISSUER = "https://desk.partner.test";
    private static final String AUDIENCE = "desk-e2e-api";

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = super.settings();
        settings.put("cspdesk.security.issuer", ISSUER);
        settings.put("cspdesk.security.audience", AUDIENCE);
        return settings;
    }

    @Test
    void loginIssuesAnHs256TokenWithRolesAndTheCustomersTenant() throws Exception {
        Answer answer = send("POST", "/login", null, Map.of("username", "customer.admin@contoso.demo", "password", DEMO_PASSWORD));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600);
        SignedJWT token = SignedJWT.parse((String) answer.json().get("access_token"));
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER_GLOBAL_ADMIN");
        assertThat(token.getJWTClaimsSet().getStringClaim("tid")).isEqualTo("5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40");
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(AUDIENCE);
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isNotNull();
    }

    @Test
    void theConfiguredFirstGlobalAdminCanSignIn() {
        assertThat(login(ADMIN, ADMIN_PASSWORD)).isNotBlank();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        Answer wrongPassword = send("POST", "/login", null, Map.of("username", "admin.agent@partner.demo", "password", "Not-The-Passw0rd"));
        Answer unknownUser = send("POST", "/login", null, Map.of("username", "nobody@partner.demo", "password", "Not-The-Passw0rd"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.problemCode()).isEqualTo("invalid_credentials");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
    }

    @Test
    void noTokenIs401() {
        Answer answer = send("GET", "/v1/users", null, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("unauthorized");
    }

    /** A global admin's claims as the product writes them (its current session generation too), an hour to live. */
    private JWTClaimsSet.Builder asIssued() {
        long generation = users.find(new Username(ADMIN)).orElseThrow().sessionGeneration();
        return new JWTClaimsSet.Builder().subject(ADMIN).claim("roles", List.of("GLOBAL_ADMIN"))
                .claim(SignedInClaims.SESSION_CLAIM, generation)
                .issuer(ISSUER).audience(AUDIENCE)
                .issueTime(new Date(System.currentTimeMillis()))
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000));
    }

    @Test
    void aTokenSignedWithTheKeyAndAsIssuedIs200() throws Exception {
        assertThat(send("GET", "/v1/users", sign(asIssued().build(), JWT_SECRET), null).status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String expired = sign(asIssued()
                .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build(), JWT_SECRET);
        Answer answer = send("GET", "/v1/users", expired, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("unauthorized");
    }

    @Test
    void aSignedTokenWithoutExpiryIs401() throws Exception {
        String forever = sign(asIssued().expirationTime(null).build(), JWT_SECRET);
        Answer answer = send("GET", "/v1/users", forever, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("unauthorized");
    }

    @Test
    void aSignedTokenOfAnotherIssuerIs401() throws Exception {
        for (String issuer : new String[] {"cspdesk", "https://evil.desk.partner.test", "desk.partner.test"}) {
            String other = sign(asIssued().issuer(issuer).build(), JWT_SECRET);
            assertThat(send("GET", "/v1/users", other, null).status()).as(issuer).isEqualTo(401);
        }
        assertThat(send("GET", "/v1/users", sign(asIssued().issuer(null).build(), JWT_SECRET), null).status()).isEqualTo(401);
    }

    @Test
    void aSignedTokenForAnotherAudienceIs401() throws Exception {
        assertThat(send("GET", "/v1/users", sign(asIssued().audience("cspdesk-api").build(), JWT_SECRET), null).status())
                .isEqualTo(401);
        assertThat(send("GET", "/v1/users", sign(asIssued().audience((String) null).build(), JWT_SECRET), null).status())
                .isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        String forged = sign(asIssued().build(), "an-attacker-secret-that-is-also-long-enough-0123456789");
        assertThat(send("GET", "/v1/users", forged, null).status()).isEqualTo(401);
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = loginDemo("sales.agent@partner.demo").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("SALES_AGENT", "GLOBAL_ADMIN");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Answer answer = send("GET", "/v1/users", tampered, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("unauthorized");
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() {
        String none = new PlainJWT(asIssued().build()).serialize();
        assertThat(send("GET", "/v1/users", none, null).status()).isEqualTo(401);
    }

    @Test
    void theWrongRoleIs403InTheCallersLanguage() {
        Answer answer = send("GET", "/v1/users", loginDemo("sales.agent@partner.demo"), null, "Accept-Language", "sv-SE,sv;q=0.9");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problemCode()).isEqualTo("forbidden");
        assertThat(answer.json().get("title")).isEqualTo("Inte tillåtet");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void everyPartnerRoleButGlobalAdminAndTheCustomerAreRefusedUserManagement() {
        for (String user : List.of("admin.agent@partner.demo", "sales.agent@partner.demo", "account.admin@partner.demo",
                "referral.admin@partner.demo", "marketing.admin@partner.demo", "customer.admin@contoso.demo")) {
            String token = loginDemo(user);
            assertThat(send("GET", "/v1/users", token, null).status()).as(user).isEqualTo(403);
            assertThat(send("POST", "/v1/users", token, Map.of("username", "x.y.z", "password", "Whatever-Passw0rd",
                    "roles", List.of("SALES_AGENT"))).status()).as(user).isEqualTo(403);
            assertThat(send("DELETE", "/v1/users/admin.agent@partner.demo", token, null).status()).as(user).isEqualTo(403);
        }
        assertThat(send("GET", "/v1/users", loginDemo("global.admin@partner.demo"), null).status()).isEqualTo(200);
    }

    /**
     * Over plain HTTP with no public URL configured the product is not on HTTPS: no HSTS, and a
     * {@code Secure} cookie would never come back, so it is not set. The dashboard's session is the
     * same token as the API's, with the same issuer and audience.
     */
    @Test
    void withoutAnHttpsPublicUrlNoHstsAndTheSessionCookieIsNotSecure() throws Exception {
        assertThat(send("GET", "/health", null, null).header("Strict-Transport-Security")).isNull();
        Answer signedIn = dashboardSignIn(ADMIN, ADMIN_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Strict-Transport-Security")).isNull();
        assertThat(signedIn.cookieAttributes(SessionCookie.NAME)).contains("httponly", "samesite=strict").doesNotContain("secure");
        String session = signedIn.headers("Set-Cookie").stream().filter(line -> line.startsWith(SessionCookie.NAME + "="))
                .findFirst().orElseThrow().split(";")[0].substring(SessionCookie.NAME.length() + 1);
        JWTClaimsSet claims = SignedJWT.parse(session).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getExpirationTime()).isNotNull();
    }

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
