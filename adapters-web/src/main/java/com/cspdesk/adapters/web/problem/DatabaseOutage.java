package com.cspdesk.adapters.web.problem;

import com.cspdesk.application.shared.port.in.StoreUnreachable;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.function.Predicate;

/**
 * Recognises "the database cannot be reached right now" in an exception's cause chain: HikariCP's
 * connection timeout ({@code SQLTransientConnectionException}), a refused or lost connection
 * ({@code SQLNonTransientConnectionException}), a connection that broke in the middle of a request
 * ({@code SQLRecoverableException}: Connector/J's "Communications link failure", when the database
 * died under a running transaction, which then never committed), any SQL error of the standard's
 * connection class (SQLSTATE 08…, e.g. HikariCP's "Connection is closed", 08003, on a connection
 * the pool had already given out) and other transient SQL errors. Micronaut Data's
 * {@code ConnectionException} and the transaction manager's wrappers are not on this module's
 * classpath, but they always carry the JDBC exception as a cause, so the walk finds them. And
 * {@link StoreUnreachable}: the persistence adapter refused at once, the database being known unreachable.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again; HikariCP's connection timeout is 5 s. */
    public static final String RETRY_AFTER_SECONDS = "5";

    // Deep enough for the framework's wrappers; bounded so that a hostile chain cannot loop.
    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {
    }

    public static boolean in(Throwable error) {
        return inChain(error, current -> current instanceof StoreUnreachable || current instanceof SQLTransientException
                || current instanceof SQLNonTransientConnectionException || current instanceof SQLRecoverableException
                || sqlStateClass(current, "08") || noConnection(current));
    }

    /** Refused at once because the database is known unreachable (not after a wait of the pool's). */
    public static boolean known(Throwable error) {
        return inChain(error, current -> current instanceof StoreUnreachable);
    }

    /**
     * Other transactions kept winning the rows until the unit of work ran out of tries (a deadlock, a lock wait
     * timeout, another Galera node's certification): SQLSTATE class 40, transaction rollback. Retryable like an
     * outage and answered the same, but the database is reachable: an operator should not read it as one.
     */
    public static boolean writeConflict(Throwable error) {
        return inChain(error, current -> current instanceof SQLTransactionRollbackException || sqlStateClass(current, "40"));
    }

    /** Whether {@code error} or one of its causes is one; the walk is bounded, so a cyclic chain ends too. */
    static boolean inChain(Throwable error, Predicate<Throwable> is) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (is.test(current)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    /**
     * Micronaut Data's "no usable connection" (it could not obtain one, or set one up: HikariCP
     * answers "Connection is closed" without an SQLSTATE on a connection that died in use). Named,
     * not imported: micronaut-data is the persistence adapter's, not on this module's classpath.
     */
    private static boolean noConnection(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("io.micronaut.data.connection.exceptions.ConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /** An SQL error of the standard's class (SQLSTATE's first two characters: 08 connection, 40 rollback). */
    private static boolean sqlStateClass(Throwable error, String sqlStateClass) {
        return error instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(sqlStateClass);
    }
}
