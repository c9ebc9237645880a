package com.cspdesk.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OperationsEndToEndTest extends EndToEnd {

    @Test
    void healthIsOpenAndChecksTheDatabase() {
        Answer health = send("GET", "/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        Answer readiness = send("GET", "/health/readiness", null, null);
        assertThat(readiness.status()).isEqualTo(200);
        Answer detailed = send("GET", "/health", login(ADMIN, ADMIN_PASSWORD), null);
        assertThat(detailed.body()).contains("jdbc");
    }

    /** The details name the database's URL and the server's paths: READ_HEALTH_DETAILS, global admins only. */
    @Test
    void healthDetailsAreForGlobalAdminsOnly() {
        for (String path : List.of("/health", "/health/readiness", "/health/liveness")) {
            Answer anonymous = send("GET", path, null, null);
            assertThat(anonymous.status()).as(path).isEqualTo(200);
            assertThat(anonymous.json()).as(path).containsEntry("status", "UP").doesNotContainKey("details");
            for (String user : List.of("sales.agent@partner.demo", "admin.agent@partner.demo", "account.admin@partner.demo",
                    "customer.admin@contoso.demo")) {
                Answer answer = send("GET", path, loginDemo(user), null);
                assertThat(answer.status()).as(user + " " + path).isEqualTo(200);
                assertThat(answer.json()).as(user + " " + path).containsEntry("status", "UP").doesNotContainKey("details");
                assertThat(answer.body()).as(user + " " + path).doesNotContain("jdbc", "diskSpace");
            }
        }
        for (String admin : List.of(login(ADMIN, ADMIN_PASSWORD), loginDemo("global.admin@partner.demo"))) {
            Answer detailed = send("GET", "/health", admin, null);
            assertThat(detailed.status()).isEqualTo(200);
            assertThat(detailed.json()).containsKey("details");
            assertThat(detailed.body()).contains("jdbc:", "diskSpace");
        }
    }

    /**
     * #18: Prometheus metrics for READ_METRICS (global admins) only — 401 without a token, 403 for every other
     * role — with the HTTP server's timings by route template and status (ten SLO buckets), the Hikari pool and
     * the JVM; never a token, key or customer's name in a label.
     */
    @Test
    void prometheusMetricsAreForThoseWhoMayReadThem() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        send("GET", "/v1/customers", admin, null);
        send("GET", "/v1/nothing-here", admin, null);

        assertThat(send("GET", "/prometheus", null, null).status()).isEqualTo(401);
        for (String user : List.of("sales.agent@partner.demo", "admin.agent@partner.demo", "account.admin@partner.demo",
                "support.staff@partner.demo", "customer.admin@contoso.demo")) {
            Answer refused = send("GET", "/prometheus", loginDemo(user), null);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).doesNotContain("jvm_memory");
        }

        Answer metrics = send("GET", "/prometheus", loginDemo("global.admin@partner.demo"), null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{", "uri=\"/v1/customers\"", "status=\"200\"")
                .contains("http_server_requests_seconds_bucket{", "le=\"0.05\"")
                .contains("hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_timeout_total")
                .contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds", "jvm_threads_live_threads", "process_cpu_usage")
                .doesNotContain(admin).doesNotContain("uri=\"/v1/nothing-here\"");
    }

    @Test
    void theCorrelationIdIsEchoedOrMade() {
        assertThat(send("GET", "/health", null, null, "MS-CorrelationId", "abc-123").header("MS-CorrelationId")).isEqualTo("abc-123");
        String made = send("GET", "/health", null, null).header("MS-CorrelationId");
        assertThat(made).matches("[0-9a-f-]{36}");
        Answer problem = send("GET", "/v1/nothing-here", null, null, "MS-CorrelationId", "trace-me");
        assertThat(problem.json()).containsEntry("correlationId", "trace-me");
        // A header value that could forge log lines is replaced, not echoed.
        assertThat(send("GET", "/health", null, null, "MS-CorrelationId", "x y\tz").header("MS-CorrelationId")).isNotEqualTo("x y\tz");
    }

    @Test
    void everyFrameworkErrorIsProblemJson() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        Answer notFound = send("GET", "/v1/nothing-here", admin, null, "Accept-Language", "de");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.problemCode()).isEqualTo("not_found");
        assertThat(notFound.json().get("title")).isEqualTo("Nicht gefunden");

        Answer wrongMethod = send("PATCH", "/v1/users", admin, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.problemCode()).isEqualTo("method_not_allowed");

        Answer wrongType = send("POST", "/v1/users", admin, "username=x", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.problemCode()).isEqualTo("unsupported_media_type");

        Answer tooLarge = send("POST", "/v1/users", admin, "{\"username\":\"" + "x".repeat(7_000_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
    }
}
