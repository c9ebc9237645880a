package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.shared.Reachability.State;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.application.shared.port.in.StoreUnreachable;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.BeanProvider;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gate against a real server: what "unreachable" means with a multi-host JDBC URL (no host answers),
 * and that borrows already waiting in the pool are released when the gate closes. Ports nobody listens
 * on stand for dead hosts (refused at once).
 */
class DatabaseGateOnMariaDbTest {

    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(30);

    private final ThrowawayMariaDb db = ThrowawayMariaDb.shared();
    private final AtomicInteger trips = new AtomicInteger();
    private final DatabaseGate gate = new DatabaseGate(Duration.ofMillis(50), Duration.ofSeconds(1), new CountingTrips());
    private HikariDataSource pool;

    @AfterEach
    void close() {
        gate.stop();
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void oneHostOfTwoAnsweringIsNoOutage() throws Exception {
        DataSource gated = gated("127.0.0.1:" + deadPort() + ",127.0.0.1:" + db.port());

        gate.linkMayHaveBroken(new RuntimeException(new SQLRecoverableException("Communications link failure", "08S01")));
        awaitState(State.REACHABLE, "the probe reached the live host");

        assertThat(trips).hasValue(0);
        try (Connection connection = gated.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void noHostAnsweringRefusesAtOnceAndReleasesTheBorrowsThatWait() throws Exception {
        DataSource gated = gated("127.0.0.1:" + deadPort() + ",127.0.0.1:" + deadPort());

        // A borrow that would wait the pool's 30 s: after a probe interval it raises the suspicion itself.
        long start = System.nanoTime();
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try (Connection ignored = gated.getConnection()) {
                return null;
            } catch (SQLException e) {
                return Thread.currentThread().isInterrupted() ? new AssertionError("interrupt left behind", e) : e;
            }
        });
        Throwable released = waiting.get(POOL_TIMEOUT.toSeconds() / 3, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(POOL_TIMEOUT.dividedBy(3));
        assertThat(released).isInstanceOf(SQLException.class).hasRootCauseInstanceOf(StoreUnreachable.class);
        assertThat(gate.state()).isEqualTo(State.UNREACHABLE);
        assertThat(trips).hasValue(1);

        assertThatThrownBy(gated::getConnection).hasRootCauseInstanceOf(StoreUnreachable.class);
    }

    private DataSource gated(String hosts) {
        HikariConfig config = new HikariConfig();
        // retriesAllDown=1 for the pool's own attempts too (docs/reliability.md): with Connector/J's default a
        // multi-host connect keeps cycling over dead hosts for 30 s, and closing the pool waits for it.
        config.setJdbcUrl("jdbc:mysql://" + hosts + "/" + ThrowawayMariaDb.DATABASE + "?" + ThrowawayMariaDb.JDBC_URL_OPTIONS
                + "&retriesAllDown=1");
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setConnectionTimeout(POOL_TIMEOUT.toMillis());
        config.setMaximumPoolSize(2);
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
        return gate.gate(pool);
    }

    private void awaitState(State expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.state() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gate.state()).as(what).isEqualTo(expected);
    }

    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The metrics port as the gate finds it in the product (a bean provider), counting the trips. */
    private final class CountingTrips implements BeanProvider<BusinessMetrics> {

        @Override
        public BusinessMetrics get() {
            return (BusinessMetrics) Proxy.newProxyInstance(BusinessMetrics.class.getClassLoader(),
                    new Class<?>[] {BusinessMetrics.class}, (proxy, method, args) -> {
                        if (method.getName().equals("databaseUnreachable")) {
                            trips.incrementAndGet();
                        }
                        return null;
                    });
        }
    }
}
