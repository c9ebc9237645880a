package com.cspdesk.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class UsersEndToEndTest extends EndToEnd {

    /** No customer has this tenant id. */
    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";
    /** The sandbox's demo customer. */
    private static final String CONTOSO = "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40";
    private String admin;

    @BeforeAll
    void signIn() {
        admin = login(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void aGlobalAdminCreatesAUserWhoCanThenSignIn() {
        Answer created = send("POST", "/v1/users", admin, Map.of("username", "New.Agent@Partner.Test",
                "password", "Fresh-Agent-Passw0rd", "roles", List.of("admin_agent")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/users/new.agent@partner.test");
        assertThat(created.json()).containsEntry("username", "new.agent@partner.test")
                .containsEntry("roles", List.of("ADMIN_AGENT")).doesNotContainKeys("password", "passwordHash");
        assertThat(created.body()).doesNotContain("Fresh-Agent-Passw0rd").doesNotContain("argon2");

        assertThat(login("new.agent@partner.test", "Fresh-Agent-Passw0rd")).isNotBlank();
        Answer list = send("GET", "/v1/users", admin, null);
        assertThat(list.body()).contains("new.agent@partner.test").doesNotContain("argon2");
        assertThat(((Number) list.json().get("totalCount")).intValue()).isEqualTo(((List<?>) list.json().get("items")).size());
    }

    @Test
    void weakPasswordsAndBadFieldsAreRefusedFieldByField() {
        Answer weak = send("POST", "/v1/users", admin, Map.of("username", "weak.user", "password", "short",
                "roles", List.of("SALES_AGENT")), "Accept-Language", "hu");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problemCode()).isEqualTo("validation_failed");
        assertThat(weak.json().get("errors")).isEqualTo(List.of(Map.of("field", "password",
                "message", "A jelszónak legalább 12 karakterből kell állnia.")));

        Answer empty = send("POST", "/v1/users", admin, Map.of("username", "", "password", "", "roles", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").toString()).contains("username", "password", "roles");

        Answer unknownRole = send("POST", "/v1/users", admin, Map.of("username", "role.user", "password", "Good-Enough-Passw0rd",
                "roles", List.of("EMPEROR")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("errors").toString()).contains("EMPEROR");

        Answer noTenant = send("POST", "/v1/users", admin, Map.of("username", "cust.two", "password", "Good-Enough-Passw0rd",
                "roles", List.of("CUSTOMER_GLOBAL_ADMIN")));
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.json().get("errors").toString()).contains("customerTenantId");

        Answer badJson = send("POST", "/v1/users", admin, "{\"username\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.problemCode()).isEqualTo("malformed_request");

        assertThat(send("GET", "/v1/users", admin, null).body()).doesNotContain("weak.user", "role.user", "cust.two");
    }

    @Test
    void aCustomerAdminIsBoundToItsTenant() {
        Answer unknown = send("POST", "/v1/users", admin, Map.of("username", "it.admin@fabrikam.test",
                "password", "Fabrikam-Passw0rd!", "roles", List.of("CUSTOMER_GLOBAL_ADMIN"), "customerTenantId", TENANT),
                "Accept-Language", "hu");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").toString()).contains("customerTenantId", "Nincs ügyfél ezzel a bérlőazonosítóval");

        Answer created = send("POST", "/v1/users", admin, Map.of("username", "it.admin@contoso.test",
                "password", "Contoso-Passw0rd!", "roles", List.of("CUSTOMER_GLOBAL_ADMIN"), "customerTenantId", CONTOSO));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("customerTenantId", CONTOSO);
    }

    @Test
    void aTakenUsernameIsAConflict() {
        Map<String, Object> body = Map.of("username", "twice.user", "password", "Twice-User-Passw0rd", "roles", List.of("SALES_AGENT"));
        assertThat(send("POST", "/v1/users", admin, body).status()).isEqualTo(201);
        Answer again = send("POST", "/v1/users", admin, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("username_taken");
    }

    @Test
    void deletingAUserAndTheGuards() {
        send("POST", "/v1/users", admin, Map.of("username", "leaving.user", "password", "Leaving-Passw0rd!", "roles", List.of("SALES_AGENT")));
        assertThat(send("DELETE", "/v1/users/leaving.user", admin, null).status()).isEqualTo(204);
        Answer gone = send("DELETE", "/v1/users/leaving.user", admin, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.problemCode()).isEqualTo("user_not_found");
        Answer self = send("DELETE", "/v1/users/" + ADMIN, admin, null);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.problemCode()).isEqualTo("cannot_delete_self");
    }

    @Test
    void aRetryWithTheSameRequestIdReplaysTheFirstAnswer() {
        Map<String, Object> body = Map.of("username", "retried.user", "password", "Retried-Passw0rd!", "roles", List.of("SALES_AGENT"));
        Answer first = send("POST", "/v1/users", admin, body, "MS-RequestId", "e2e-req-1");
        Answer retry = send("POST", "/v1/users", admin, body, "MS-RequestId", "e2e-req-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        Answer reused = send("POST", "/v1/users", admin, Map.of("username", "other.user", "password", "Other-Passw0rd!",
                "roles", List.of("SALES_AGENT")), "Idempotency-Key", "e2e-req-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("idempotency_key_reused");
        assertThat((String) reused.json().get("detail")).contains("e2e-req-1");
        assertThat(send("GET", "/v1/users", admin, null).body()).doesNotContain("other.user");

        Answer badKey = send("POST", "/v1/users", admin, body, "MS-RequestId", "x".repeat(129));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.problemCode()).isEqualTo("idempotency_key_invalid");
    }

    @Test
    void concurrentRetriesCreateExactlyOneUser() throws Exception {
        Map<String, Object> body = Map.of("username", "racing.user", "password", "Racing-Passw0rd!", "roles", List.of("SALES_AGENT"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> send("POST", "/v1/users", admin, body, "MS-RequestId", "race-42")));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                Answer a = answer.get();
                assertThat(a.status()).as(a.toString()).isEqualTo(201);
                bodies.add(a.body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        List<?> items = (List<?>) send("GET", "/v1/users", admin, null).json().get("items");
        assertThat(items.stream().filter(u -> u.toString().contains("racing.user")).count()).isEqualTo(1);
    }
}
