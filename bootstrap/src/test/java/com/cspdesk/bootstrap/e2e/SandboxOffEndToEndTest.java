package com.cspdesk.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** With sandbox mode off there is no test clock and no demo user. */
@MicronautTest(transactional = false)
class SandboxOffEndToEndTest extends EndToEnd {

    @Override
    boolean sandbox() {
        return false;
    }

    /** Outside the sandbox global admins must enrol a second factor by default; these tests are not about that. */
    @Override
    Optional<String> mfaRequiredRoles() {
        return Optional.of("none");
    }

    @Test
    void theTestClockDoesNotExist() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        Answer get = send("GET", "/v1/test/clock", admin, null);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.problemCode()).isEqualTo("not_found");
        assertThat(send("PUT", "/v1/test/clock", admin, Map.of("advanceBy", "P1D")).status()).isEqualTo(404);
    }

    @Test
    void demoUsersDoNotExist() {
        assertThat(send("POST", "/login", null, Map.of("username", "admin.agent@partner.demo", "password", DEMO_PASSWORD)).status())
                .isEqualTo(401);
        assertThat(send("GET", "/v1/users", login(ADMIN, ADMIN_PASSWORD), null).body()).doesNotContain("partner.demo");
    }
}
