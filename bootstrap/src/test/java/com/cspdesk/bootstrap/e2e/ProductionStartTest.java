package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product started the way README's "Running on MySQL" starts it: a separate JVM configured
 * only by the environment variables the README names, sandbox off. Every setting that start-up
 * requires must reach its key — an in-process test with Micronaut property names cannot see a
 * variable that maps to the wrong key (CSPDESK_JWT_SECRET once did).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionStartTest {

    private static final String ADMIN = "first.admin@partner.test";
    private static final String ADMIN_PASSWORD = "First-Admin-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process product;
    private Path log;
    private int port;

    @BeforeAll
    void startTheProductFromTheEnvironmentOnly() throws Exception {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        port = freePort();
        log = Files.createTempFile("production-start", ".log");
        Path store = Files.createTempDirectory("production-start-software");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // The product's own logging, not the test classpath's logback-test.xml.
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), "com.cspdesk.bootstrap.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CSPDESK_") || name.startsWith("MICRONAUT_")
                || name.startsWith("DATASOURCES_"));
        env.put("DATASOURCES_DEFAULT_URL", db.newDatabase("productionstart"));
        env.put("DATASOURCES_DEFAULT_USERNAME", db.username());
        env.put("DATASOURCES_DEFAULT_PASSWORD", db.password());
        env.put("CSPDESK_JWT_SECRET", "production-start-secret-long-enough-for-hs256-0123456789");
        env.put("CSPDESK_KEYS_KEYSET", EndToEnd.KEYSET);
        env.put("CSPDESK_DOWNLOADS_TOKEN_SECRET", "production-start-download-token-secret-0123456789");
        env.put("CSPDESK_ADMIN_USERNAME", ADMIN);
        env.put("CSPDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CSPDESK_SOFTWARE_STORE_PATH", store.toString());
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        product = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!product.isAlive()) {
                throw new AssertionError("the product stopped at start-up:\n" + Files.readString(log));
            }
            if (status("GET", "/health", null) == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no 200 on /health within 120 s:\n" + Files.readString(log));
    }

    @AfterAll
    void stop() throws Exception {
        if (product != null) {
            product.destroy();
            product.waitFor();
        }
        Files.deleteIfExists(log);
    }

    @Test
    void theFirstAdminFromTheEnvironmentSignsInAndTheSandboxIsOff() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String token = login.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        // A global admin must have a second factor by default (CSPDESK_MFA_REQUIRED_ROLES): until it enrols
        // one, it may only enrol.
        assertThat(status("GET", "/v1/users", token)).isEqualTo(403);
        assertThat(status("GET", "/v1/me/mfa", token)).isEqualTo(200);
        // Sandbox off: no test clock, and no demo user.
        assertThat(status("GET", "/v1/test/clock", token)).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin.agent@partner.demo\",\"password\":\"Demo-Passw0rd!\"}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void theSecretsGivenInTheEnvironmentNeverReachTheLog() throws Exception {
        String written = Files.readString(log);
        assertThat(written).contains("Startup completed");
        for (String secret : List.of("production-start-secret-long-enough", "production-start-download-token-secret",
                ADMIN_PASSWORD, "GiAoHIGuq5usbjcht29P")) {
            assertThat(written).doesNotContain(secret);
        }
    }

    private int status(String method, String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
