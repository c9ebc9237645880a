package com.cspdesk.bootstrap.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SecurityEndToEndTest extends EndToEnd {

    @Test
    void loginIssuesAnHs256TokenWithRolesAndTheCustomersTenant() throws Exception {
        Answer answer = send("POST", "/login", null, Map.of("username", "customer.admin@contoso.demo", "password", DEMO_PASSWORD));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600);
        SignedJWT token = SignedJWT.parse((String) answer.json().get("access_token"));
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER_GLOBAL_ADMIN");
        assertThat(token.getJWTClaimsSet().getStringClaim("tid")).isEqualTo("5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40");
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

    @Test
    void anExpiredTokenIs401() throws Exception {
        String expired = sign(new JWTClaimsSet.Builder().subject("global.admin@partner.demo")
                .claim("roles", List.of("GLOBAL_ADMIN"))
                .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build(), JWT_SECRET);
        assertThat(send("GET", "/v1/users", expired, null).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        String forged = sign(new JWTClaimsSet.Builder().subject("global.admin@partner.demo")
                .claim("roles", List.of("GLOBAL_ADMIN"))
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build(),
                "an-attacker-secret-that-is-also-long-enough-0123456789");
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
        String none = new PlainJWT(new JWTClaimsSet.Builder().subject("global.admin@partner.demo")
                .claim("roles", List.of("GLOBAL_ADMIN"))
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build()).serialize();
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

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
