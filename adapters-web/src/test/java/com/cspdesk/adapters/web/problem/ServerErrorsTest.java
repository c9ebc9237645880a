package com.cspdesk.adapters.web.problem;

import com.cspdesk.adapters.web.security.OpenSessions;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.StoreUnreachable;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.application.catalog.port.in.CatalogViews;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.CompleteSignIn;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.cspdesk.domain.market.Market;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers of real routes when the port behind them fails: 503 + Retry-After while the
 * database cannot be reached (however the persistence layer wraps it), 500 for anything else; the
 * dashboard shows either as a page.
 */
class ServerErrorsTest {

    private static final String SPEC = "ServerErrorsTest";
    private static EmbeddedServer server;
    private static String token;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "spec.name", SPEC,
                OpenSessions.PROPERTY, "open",
                "micronaut.server.port", -1,
                "micronaut.security.authentication", "bearer",
                "micronaut.security.reject-not-found", false,
                "micronaut.views.folder", "views",
                "cspdesk.security.jwt-secret", "a-test-secret-that-is-at-least-32-bytes-long"));
        token = OpenSessions.token(server.getApplicationContext(), "agent", List.of("ADMIN_AGENT"));
    }

    /**
     * A request line too long to read is refused with 413 and its connection closed; the answer says
     * so, or a client that keeps connections alive sends its next request into the closed one.
     */
    @Test
    void aRequestTooLongToReadIsRefusedAndItsConnectionClosedSaySo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/products?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.").contains(" 413 ");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("connection: close", "application/problem+json");
        }
        // And the same client's next request on a new connection is answered.
        HttpResponse<String> next = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                + "/v1/products?country=DE&targetView=Software")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isLessThan(600);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theConnectionPoolTimingOutIs503WithRetryAfterInTheCallersLanguage() throws Exception {
        FailingCatalog.next = new IllegalStateException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5015ms."));
        List<String> warnings;
        HttpResponse<String> answer;
        try (LoggedWarnings logged = LoggedWarnings.of(ProblemErrorResponseProcessor.class)) {
            answer = get("/v1/products?country=HU", "hu");
            warnings = logged.lines();
        }
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"service_unavailable\"", "\"status\":503",
                "\"type\":\"urn:cspdesk:problem:service_unavailable\"", "\"title\":\"A szolgáltatás nem érhető el\"");
        assertThat(answer.body()).doesNotContain("Hikari", "JDBC");
        assertThat(warnings).singleElement().asString().startsWith("WARN Database unavailable on GET /v1/products");
    }

    @Test
    void aTransactionThatCannotStartBecauseTheServerIsGoneIs503() throws Exception {
        FailingCatalog.next = new RuntimeException("Could not open connection for transaction",
                new RuntimeException("Failed to obtain JDBC Connection",
                        new SQLNonTransientConnectionException("Socket fail to connect to host:localhost, port:3306")));
        HttpResponse<String> answer = get("/v1/products?country=HU", "de-DE,de;q=0.9");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.body()).contains("\"title\":\"Dienst nicht verfügbar\"").doesNotContain("3306");
    }

    @Test
    void aDatabaseKnownUnreachableIsTheSame503() throws Exception {
        // The persistence adapter's gate refused at once: its refusal wraps StoreUnreachable, under Micronaut Data's wrapper.
        FailingCatalog.next = new RuntimeException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("the database is unreachable (no host answered the last probe)", "08001",
                        new StoreUnreachable()));
        HttpResponse<String> answer = get("/v1/products?country=HU", "sv");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.body()).contains("\"code\":\"service_unavailable\"", "\"title\":\"Tjänsten är inte tillgänglig\"")
                .doesNotContain("probe", "unreachable");
    }

    @Test
    void aWriteConflictThatOutlastedItsTriesIs503WithRetryAfterInTheCallersLanguage() throws Exception {
        // As the persistence adapter's unit of work gives up (WriteConflictsOnGaleraTest): another database node
        // kept winning; the failed tries were rolled back, so the caller may simply send it again.
        FailingCatalog.next = new RuntimeException("Could not commit JDBC transaction",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        List<String> warnings;
        HttpResponse<String> answer;
        try (LoggedWarnings logged = LoggedWarnings.of(ProblemErrorResponseProcessor.class)) {
            answer = get("/v1/products?country=HU", "de");
            warnings = logged.lines();
        }
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"service_unavailable\"", "\"title\":\"Dienst nicht verfügbar\"")
                .doesNotContain("Deadlock", "JDBC");
        // An operator reading the log is not sent looking for an outage: the database answered.
        assertThat(warnings).singleElement().asString()
                .startsWith("WARN Write conflict outlasted its tries on GET /v1/products (the database is reachable)");
    }

    @Test
    void aFullPasswordHashingQueueIs503WithRetryAfterNotAPileUp() throws Exception {
        NoSignIn.busy = true;
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort()
                            + "/login")).header("Content-Type", "application/json").header("Accept-Language", "de")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"someone\",\"password\":\"Some-Passw0rd!\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).contains("2");
            assertThat(answer.body()).contains("\"code\":\"service_unavailable\"", "\"title\":\"Dienst nicht verfügbar\"")
                    .doesNotContain("queue", "hashing");
        } finally {
            NoSignIn.busy = false;
        }
    }

    @Test
    void anyOtherFailureIsStill500() throws Exception {
        FailingCatalog.next = new IllegalStateException("a bug");
        HttpResponse<String> answer = get("/v1/products?country=HU", "en");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
        assertThat(answer.body()).contains("\"code\":\"internal_error\"").doesNotContain("a bug");
    }

    @Test
    void theDashboardShowsAPageInsteadOfJson() throws Exception {
        FailingCatalog.next = new IllegalStateException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("request timed out after 5015ms"));
        HttpResponse<String> answer = get("/ui/outage-probe", "hu");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("Átmenetileg nem érhető el", "A szolgáltatás most nem tud válaszolni");

        FailingCatalog.next = new IllegalStateException("a bug");
        answer = get("/ui/outage-probe", "en");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("Something went wrong").doesNotContain("a bug", "IllegalStateException");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The catalog's ports, failing the way the next test asks. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class FailingCatalog implements ListProducts, ListSkus, ListAvailabilities {

        static volatile RuntimeException next;

        @Override
        public Lookup<List<CatalogViews.ProductView>> products(Market country, Optional<TargetView> targetView, Actor actor) {
            throw next;
        }

        @Override
        public Lookup<List<CatalogViews.SkuView>> skus(String productId, Market country, Actor actor) {
            throw next;
        }

        @Override
        public Lookup<List<CatalogViews.AvailabilityView>> availabilities(String productId, String skuId, Market country,
                                                                         Actor actor) {
            throw next;
        }
    }

    /** Nobody signs in with a password here, or the hashing pool is full; the security beans need the port all the same. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class NoSignIn implements AuthenticateUser {

        static volatile boolean busy;

        @Override
        public SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress) {
            if (busy) {
                throw new java.util.concurrent.RejectedExecutionException("password hashing is busy: the queue is full");
            }
            return new Refused();
        }
    }

    /** Nor a second step; POST /login's controller needs the port all the same. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class NoSecondStep implements CompleteSignIn {

        @Override
        public SecondStepOutcome complete(String mfaToken, String code, Optional<String> clientAddress) {
            return new ChallengeEnded();
        }
    }

    /** A dashboard page backed by the same failing port. */
    @Controller("/ui/outage-probe")
    @Requires(property = "spec.name", value = SPEC)
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class OutageProbe {

        private final ListProducts products;

        OutageProbe(ListProducts products) {
            this.products = products;
        }

        @Get
        @Produces("text/html")
        String page() {
            return products.products(Market.parse("HU").orElseThrow(), Optional.empty(),
                    Actor.partner("probe", Role.ADMIN_AGENT)).toString();
        }
    }
}
