package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiCsrf;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * End-to-end tests: the whole product over real HTTP on the throwaway MariaDB, each test class
 * with its own database, sandbox mode on, a configured JWT secret and first global admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndToEnd implements TestPropertyProvider {

    static final String JWT_SECRET = "e2e-secret-that-is-long-enough-for-hs256-0123456789";
    static final String ADMIN = "root.admin@partner.test";
    static final String ADMIN_PASSWORD = "Root-Admin-Passw0rd!";
    static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    /** A Tink AES-256-GCM keyset made for the tests only. */
    static final String KEYSET = "{\"primaryKeyId\":44655904,\"key\":[{\"keyData\":{\"typeUrl\":"
            + "\"type.googleapis.com/google.crypto.tink.AesGcmKey\",\"value\":"
            + "\"GiAoHIGuq5usbjcht29P/kjseGFnGGhAVaSC2a6G3tD0PA==\",\"keyMaterialType\":\"SYMMETRIC\"},"
            + "\"status\":\"ENABLED\",\"keyId\":44655904,\"outputPrefixType\":\"TINK\"}]}";

    /** Test property: the sandbox clock stands still unless a test moves it ({@link StillSandboxClock}). */
    static final String CLOCK_STANDS_STILL = "cspdesk.test.clock-stands-still";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every answer of the JSON API this class received, checked against the API document after the class. */
    private final List<ApiConformance.Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        Map<String, String> properties = new HashMap<>(db.properties(db.newDatabase(getClass().getSimpleName().toLowerCase(Locale.ROOT))));
        properties.putAll(settings());
        return properties;
    }

    /** Everything but the database: sandbox mode, the secrets, the first global admin, a free port. */
    Map<String, String> settings() {
        Map<String, String> properties = new HashMap<>();
        properties.put("cspdesk.sandbox.enabled", String.valueOf(sandbox()));
        properties.put("cspdesk.security.jwt-secret", JWT_SECRET);
        properties.put("cspdesk.admin.username", ADMIN);
        properties.put("cspdesk.admin.password", ADMIN_PASSWORD);
        properties.put("cspdesk.keys.keyset", KEYSET);
        properties.put("cspdesk.downloads.token-secret", "e2e-download-token-secret-0123456789abcdef");
        properties.put("micronaut.server.port", "-1");
        // Tests bring their own software files; the demo's would land in the module folder.
        properties.put("cspdesk.demo.software-files", "false");
        properties.put(CLOCK_STANDS_STILL, String.valueOf(clockStandsStill()));
        mfaRequiredRoles().ifPresent(roles -> properties.put("cspdesk.mfa.required-roles", roles));
        if (!invoiceSchedule()) {
            properties.put("cspdesk.invoicing.schedule.enabled", "false");
        }
        return properties;
    }

    /**
     * Whether the hourly invoice schedule runs; a class that starts its own runs turns it off, so they are the only
     * ones (a scheduled run could hold the lock, or invoice what the class means to).
     */
    boolean invoiceSchedule() {
        return true;
    }

    /** The roles that must sign in with a second factor, when the class sets them (else the product's default). */
    Optional<String> mfaRequiredRoles() {
        return Optional.empty();
    }

    boolean sandbox() {
        return true;
    }

    /** True for a class whose assertions name exact instants: the product's time then moves only when the test moves it. */
    boolean clockStandsStill() {
        return false;
    }

    String login(String username, String password) {
        Answer answer = send("POST", "/login", null, Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new AssertionError("login failed for " + username + ": " + answer.status() + " " + answer.body());
        }
        return (String) answer.json().get("access_token");
    }

    /** Creates the user with one role (as {@code admin}, a global admin's token) and signs it in: its token. */
    String createUser(String admin, String username, String password, String role) {
        Answer created = send("POST", "/v1/users", admin, Map.of("username", username, "password", password,
                "roles", List.of(role)));
        if (created.status() != 201) {
            throw new AssertionError("the user was not created: " + created);
        }
        return login(username, password);
    }

    String loginDemo(String username) {
        return login(username, DEMO_PASSWORD);
    }

    /** The CSRF seed {@link #dashboardSignIn} sends: any 40 to 64 URL-safe characters. */
    static final String DASHBOARD_CSRF_SEED = "end-to-end-dashboard-csrf-seed-0123456789abcdef";

    /** Signs in through the dashboard's form as a browser would (with a CSRF seed); the answer sets the session cookie. */
    Answer dashboardSignIn(String username, String password) {
        String seed = DASHBOARD_CSRF_SEED;
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&csrfToken=" + UiCsrf.token(seed, "");
        return send("POST", UiUrls.SIGN_IN, null, form, "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html", "Cookie", UiCsrf.SEED_COOKIE + "=" + seed);
    }

    /** The RFC 6238 step of now, as an authenticator app counts it (real time, not the sandbox's clock). */
    public static long currentTotpStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** What an authenticator app shows for the secret (Base32) at a step: java-otp, the library the product uses. */
    public static String totpCode(String secret, long step) {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);
        try {
            return totp.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm()),
                    Instant.ofEpochSecond(step * 30));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie's token an answer sets (the dashboard's sign-in): it must set one. */
    static String sessionOf(Answer signedIn) {
        if (signedIn.status() < 300 || signedIn.status() > 399) {
            throw new AssertionError("not signed in: " + signedIn);
        }
        String cookie = signedIn.headers("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookie.NAME + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers()));
        return cookie.substring(SessionCookie.NAME.length() + 1, cookie.indexOf(';'));
    }

    Answer send(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = body instanceof String raw ? raw.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
                if (List.of(headers).stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            recordApiAnswer(method, path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            return new Answer(response.statusCode(), response.body(), response.headers().map(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer for the check against the API document, for a class's own HTTP helper (the browser tests' API calls). */
    protected final void recordApiAnswer(String method, String path, int status, String contentType, String body) {
        exchanges.add(new ApiConformance.Exchange(method, path, status, contentType, body));
    }

    /**
     * The API document cannot drift from the code: every answer of the JSON API this class's tests
     * received has its path, method and status in the document, and a JSON body matches its schema.
     */
    @AfterAll
    void everyAnswerConformsToTheApiDocument() {
        String mismatches = ApiConformance.document().mismatches(List.copyOf(exchanges));
        if (!mismatches.isEmpty()) {
            throw new AssertionError(getClass().getSimpleName() + ": " + mismatches);
        }
    }

    /**
     * Starts an invoice run for the month and waits until it is no longer running. Polls only to wait
     * for the background run; the minute is a safety net, not a measurement.
     */
    Map<String, Object> invoiceRunToItsEnd(String token, YearMonth month) {
        Answer started = send("POST", "/v1/invoices/runs", token, Map.of("month", month.toString()),
                "MS-RequestId", "run-" + UUID.randomUUID());
        if (started.status() != 202) {
            throw new AssertionError("the invoice run did not start: " + started);
        }
        String id = (String) started.json().get("id");
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Answer run = send("GET", "/v1/invoices/runs/" + id, token, null);
            if (run.status() != 200 || !"running".equals(run.json().get("status"))) {
                return run.json();
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the invoice run did not end within a minute: " + run);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An HTTP answer with its body parsed on demand. */
    record Answer(int status, String body, Map<String, List<String>> headers, JsonMapper mapper) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Every value of a header that may come more than once, e.g. Set-Cookie. */
        List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The attributes (lower-cased: secure, httponly, path=/ …) this answer sets the cookie with; fails when it does not set it. */
        List<String> cookieAttributes(String cookie) {
            String line = headers("Set-Cookie").stream().filter(l -> l.startsWith(cookie + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Set-Cookie " + cookie + " in " + headers));
            List<String> parts = List.of(line.split(";"));
            return parts.subList(1, parts.size()).stream().map(part -> part.strip().toLowerCase(Locale.ROOT)).toList();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        String problemCode() {
            if (!String.valueOf(header("Content-Type")).startsWith("application/problem+json")) {
                throw new AssertionError("not problem+json (" + header("Content-Type") + "): " + status + " " + body);
            }
            return (String) json().get("code");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
