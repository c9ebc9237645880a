package com.cspdesk.adapters.persistence.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * A failure that says the connection to the database broke or could not be made (Connector/J's
 * "Communications link failure", a refused connection, SQLSTATE class 08, the pool's timeout): reason
 * to ask whether the database is still there, not yet proof that it is gone. Lock waits, deadlocks and
 * constraint violations are answers from a live database and do not count.
 */
final class LinkBroke {

    private LinkBroke() {
    }

    static boolean in(Throwable error) {
        return Causes.any(error, failure -> failure instanceof SQLRecoverableException
                || failure instanceof SQLNonTransientConnectionException || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }
}
