package com.cspdesk.bootstrap.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 3: while the database is unreachable the product answers 503 problem+json at once (not
 * after the pool's wait), and it works again without a restart once the database is back. The class has
 * a MariaDB of its own, killed (SIGKILL) and started again on the same data and port. The pool's
 * connection timeout is 30 s here, so a request that waited for the pool could not pass the bounds below.
 */
@MicronautTest(transactional = false)
class DatabaseUnreachableEndToEndTest extends EndToEnd {

    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(30);
    /** Generous for a loaded 2-core machine, and far below the pool's 30 s: no answer here waited for the pool. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    private ThrowawayMariaDb db;

    @Override
    public Map<String, String> getProperties() {
        db = ThrowawayMariaDb.start();
        Map<String, String> properties = new HashMap<>(db.properties(db.jdbcUrl()));
        properties.putAll(settings());
        properties.put("datasources.default.connection-timeout", Long.toString(POOL_TIMEOUT.toMillis()));
        properties.put("cspdesk.database.probe-interval", "100ms");
        return properties;
    }

    @Override
    boolean invoiceSchedule() {
        return false;
    }

    @AfterAll
    void stopDatabase() {
        db.close();
    }

    @Test
    void answers503AtOnceWhileTheDatabaseIsUnreachableAndRecoversWithoutARestart() {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        assertThat(send("GET", "/v1/customers", admin, null).status()).isEqualTo(200);
        assertThat(send("GET", "/health", null, null).status()).isEqualTo(200);

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        db.kill();

        // The first request finds out (its connection broke, or the pool could not make one and the probe
        // found nobody there, releasing its wait): well before the pool's own 30 s.
        Timed first = timed(() -> send("GET", "/v1/customers", admin, null));
        assertThat(first.answer().status()).as(first.answer().body()).isEqualTo(503);
        assertThat(first.took()).isLessThan(POOL_TIMEOUT.dividedBy(3));

        // From the moment it is known unreachable, every request is refused at once, in the caller's language.
        Answer known = awaitKnownUnreachable(admin);
        int loggedWhenKnown;
        synchronized (logged) {
            loggedWhenKnown = logged.list.size();
        }
        List<Duration> took = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String language = i % 2 == 0 ? "de" : "en";
            Timed refused = timed(() -> send("GET", "/v1/customers", admin, null, "Accept-Language", language));
            assertThat(refused.answer().status()).isEqualTo(503);
            assertThat(refused.answer().header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.answer().header("Retry-After")).isEqualTo("5");
            assertThat(refused.answer().json().get("title"))
                    .isEqualTo(language.equals("de") ? "Dienst nicht verfügbar" : "Service unavailable");
            took.add(refused.took());
        }
        assertThat(took).allSatisfy(d -> assertThat(d).isLessThan(AT_ONCE));
        assertThat(known.body()).doesNotContain("jdbc:", "SQL", "Hikari");

        // /health says the database is down, and says it at once too.
        Timed health = timed(() -> send("GET", "/health", null, null));
        assertThat(health.answer().status()).isEqualTo(503);
        assertThat(health.answer().body()).contains("DOWN");
        assertThat(health.took()).isLessThan(AT_ONCE);

        List<ILoggingEvent> loggedWhileKnown;
        synchronized (logged) { // every append holds the appender's lock
            loggedWhileKnown = List.copyOf(logged.list.subList(loggedWhenKnown, logged.list.size()));
        }
        db.restart();

        // Back without a restart of the product: the probe finds the database and the pool refills.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = send("GET", "/v1/customers", admin, null).status();
        }
        assertThat(status).isEqualTo(200);
        assertThat(send("GET", "/health", null, null).status()).isEqualTo(200);
        String metrics = send("GET", "/prometheus", admin, null).body();
        root.detachAppender(logged);
        // One line when it went and one when it came back, not one per refused request; no URL, no password.
        List<String> gate;
        synchronized (logged) {
            gate = logged.list.stream().filter(e -> e.getLoggerName().endsWith(".DatabaseGate"))
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
        assertThat(gate).hasSize(2);
        assertThat(gate.get(0)).startsWith("WARN Database unreachable: no host answered a probe");
        assertThat(gate.get(1)).startsWith("INFO Database reachable again after");
        assertThat(gate).noneMatch(line -> line.contains("jdbc:") || line.contains(db.password()));
        assertThat(loggedWhileKnown).as("a warning per refused request").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                && e.getFormattedMessage().startsWith("Database unavailable on"));
        // Nor an error line (with its stack) per request or per /health while it is known: the gate said it once.
        assertThat(loggedWhileKnown).as("errors logged while the database was known unreachable")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(sample(metrics, "cspdesk_database_unreachable_total")).as("trips").isEqualTo(1.0);
        assertThat(sample(metrics, "cspdesk_database_unreachable_duration_seconds_count")).as("recoveries").isEqualTo(1.0);
    }

    private static double sample(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no " + name + " in /prometheus"));
    }

    /**
     * Polls (bounded) until the gate has closed (its trip counted). Until then requests may be answered 503
     * at once by a pooled connection that died with the server; once those are used up, a request waits for
     * the pool, which raises the suspicion, and the probe closes the gate.
     */
    private Answer awaitKnownUnreachable(String admin) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Answer answer = send("GET", "/v1/customers", admin, null);
            if (sample(send("GET", "/prometheus", admin, null).body(), "cspdesk_database_unreachable_total") == 1.0) {
                return answer;
            }
        }
        throw new AssertionError("the database was not found unreachable within 20 s of its death");
    }

    private static Timed timed(java.util.function.Supplier<Answer> request) {
        long start = System.nanoTime();
        Answer answer = request.get();
        return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Timed(Answer answer, Duration took) {
    }
}
