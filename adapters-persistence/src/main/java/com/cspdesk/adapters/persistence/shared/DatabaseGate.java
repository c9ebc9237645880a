package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.shared.port.in.StoreUnreachable;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Answers "the database is unreachable" at once instead of after the pool's connection timeout (#19).
 * Every {@link DataSource} the product makes is wrapped: while {@link Reachability} says the database is
 * known unreachable, asking for a connection fails at once with {@link StoreUnreachable} as the cause
 * (the web adapter answers 503). A connection that cannot be had, a borrow that has waited longer than
 * the probe interval, or a link that breaks ({@link #linkMayHaveBroken}) starts a probe on a thread of
 * its own: a fresh connection straight from the driver with a short connect and socket timeout, then
 * {@code isValid}. Only when that fails does the gate close, releasing the borrows still waiting in the
 * pool (which would otherwise wait out its timeout) with the same refusal; it probes again every {@code cspdesk.database.probe-interval} and opens as soon
 * as one gets through, so the product recovers without a restart. With a multi-host JDBC URL
 * (Connector/J failover or {@code loadbalance:}) the driver tries every host, so "unreachable" means no
 * host answered. A slow database is never refused: its probe connects.
 *
 * <p>Runs before Micronaut Data's own {@code ContextualAwareDataSource} listener, so the gate sits
 * right around the pool: Micronaut Data unwraps its delegating proxies down to the gate and asks the
 * gate for connections; the health indicator does the same (it reports DOWN at once while closed).
 * Times are the system clock's: how long the database was gone is real time, not the sandbox's.
 */
@StoredInDatabase
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
final class DatabaseGate implements BeanCreatedEventListener<DataSource> {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);

    private final List<Gated> gated = new CopyOnWriteArrayList<>();
    private final Duration probeInterval;
    private final Duration probeTimeout;
    private final BeanProvider<BusinessMetrics> metrics;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-probe");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseGate(@Value("${cspdesk.database.probe-interval:250ms}") Duration probeInterval,
                 @Value("${cspdesk.database.probe-timeout:1s}") Duration probeTimeout,
                 BeanProvider<BusinessMetrics> metrics) {
        this.probeInterval = probeInterval;
        this.probeTimeout = probeTimeout;
        this.metrics = metrics;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return gate(event.getBean());
    }

    DataSource gate(DataSource pool) {
        Gated gate = new Gated(pool, new Reachability(Clock.systemUTC()));
        gated.add(gate);
        prober.scheduleWithFixedDelay(gate::watch, probeInterval.toNanos(), probeInterval.toNanos(), TimeUnit.NANOSECONDS);
        return gate;
    }

    /** The first gated pool's state (the product has one database): for tests. */
    Reachability.State state() {
        return gated.get(0).reachability.state();
    }

    /** A unit of work failed; if its connection broke, a probe looks whether the database is still there. */
    void linkMayHaveBroken(Throwable failure) {
        if (LinkBroke.in(failure)) {
            gated.forEach(Gated::suspect);
        }
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }

    @FunctionalInterface
    private interface Borrow {
        Connection connection() throws SQLException;
    }

    /**
     * A thread waiting for the pool. Released by an interrupt (HikariCP then gives up its wait), which is
     * taken back when the borrow ends, so it never reaches the thread's later work.
     */
    private static final class Waiter {

        private final Thread thread;
        private final long since;
        private boolean done;
        private boolean released;

        Waiter(Thread thread, long since) {
            this.thread = thread;
            this.since = since;
        }

        long since() {
            return since;
        }

        synchronized void release() {
            if (!done) {
                released = true;
                thread.interrupt();
            }
        }

        synchronized boolean released() {
            return released;
        }

        synchronized void done() {
            done = true;
            if (released) {
                Thread.interrupted();
            }
        }
    }

    /** The pool behind its gate. Not a Micronaut {@code DelegatingDataSource}: unwrapping must stop here. */
    private final class Gated implements DataSource {

        private final DataSource pool;
        private final Reachability reachability;
        private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
        private volatile SQLException lastProbeFailure;

        Gated(DataSource pool, Reachability reachability) {
            this.pool = pool;
            this.reachability = reachability;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return borrow(pool::getConnection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return borrow(() -> pool.getConnection(username, password));
        }

        /**
         * Asks the pool unless the database is known unreachable. A borrow that waits longer than the probe
         * interval raises a suspicion (the pool may be waiting out its timeout on a dead database); when the
         * probe then finds the database gone, the waiting borrows are released at once ({@link #releaseWaiting}).
         */
        private Connection borrow(Borrow borrow) throws SQLException {
            if (!reachability.admits()) {
                throw unreachable(null);
            }
            Waiter waiter = new Waiter(Thread.currentThread(), System.nanoTime());
            waiting.add(waiter);
            try {
                return borrow.connection();
            } catch (SQLException e) {
                if (waiter.released()) {
                    throw unreachable(e);
                }
                suspect();
                throw e;
            } finally {
                waiting.remove(waiter);
                waiter.done();
            }
        }

        private SQLException unreachable(SQLException waitedFor) {
            SQLException refusal = new SQLTransientConnectionException(
                    "the database is unreachable (no host answered the last probe)", "08001", new StoreUnreachable());
            if (waitedFor != null) {
                refusal.addSuppressed(waitedFor);
            }
            return refusal;
        }

        /** Called on the probe's thread every probe interval. */
        void watch() {
            long now = System.nanoTime();
            for (Waiter waiter : waiting) {
                if (now - waiter.since() > probeInterval.toNanos()) {
                    suspect();
                    return;
                }
            }
        }

        private void releaseWaiting() {
            waiting.forEach(Waiter::release);
        }

        void suspect() {
            if (reachability.suspect()) {
                schedule(Duration.ZERO);
            }
        }

        private void schedule(Duration delay) {
            try {
                prober.schedule(this::probe, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the product is shutting down: nobody waits for the answer
            }
        }

        private void probe() {
            boolean answered = answers();
            reachability.probed(answered).ifPresent(change -> {
                if (change instanceof Reachability.Change.WentUnreachable) {
                    SQLException failure = lastProbeFailure;
                    LOG.warn("Database unreachable: no host answered a probe ({}); requests that need it are answered 503 "
                                    + "at once, probing every {} ms until one answers",
                            failure == null ? "no valid connection" : failure.getClass().getSimpleName() + ", SQLSTATE " + failure.getSQLState(),
                            probeInterval.toMillis());
                    metrics.ifPresent(BusinessMetrics::databaseUnreachable);
                    // Told and counted first: a released borrow's 503 never comes before the line saying why.
                    releaseWaiting();
                } else if (change instanceof Reachability.Change.CameBack cameBack) {
                    LOG.info("Database reachable again after {} ms unreachable", cameBack.after().toMillis());
                    metrics.ifPresent(m -> m.databaseReachableAgain(cameBack.after()));
                }
            });
            if (reachability.probing()) {
                schedule(probeInterval);
            }
        }

        /** A fresh connection from the driver (not the pool, whose wait is what the gate saves), bounded by the probe timeout. */
        private boolean answers() {
            int seconds = (int) Math.max(1, probeTimeout.toSeconds());
            try (Connection connection = probeConnection()) {
                boolean valid = connection.isValid(seconds);
                lastProbeFailure = null;
                return valid;
            } catch (SQLException e) {
                lastProbeFailure = e;
                return false;
            } catch (RuntimeException e) {
                lastProbeFailure = new SQLException(e.getClass().getSimpleName(), e);
                return false;
            }
        }

        private Connection probeConnection() throws SQLException {
            HikariDataSource hikari = pool.isWrapperFor(HikariDataSource.class) ? pool.unwrap(HikariDataSource.class) : null;
            if (hikari == null || hikari.getJdbcUrl() == null) {
                return pool.getConnection();
            }
            String url = hikari.getJdbcUrl();
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
                // Per host tried: a refused port fails at once, a stopped server within the timeout. One round
                // over the hosts of a multi-host URL: Connector/J's default (retriesAllDown=120, 250 ms apart)
                // would hold the probe for 30 s when every host is down.
                String millis = Long.toString(probeTimeout.toMillis());
                properties.setProperty("connectTimeout", millis);
                properties.setProperty("socketTimeout", millis);
                properties.setProperty("retriesAllDown", "1");
            }
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || pool.isWrapperFor(type);
        }
    }
}
