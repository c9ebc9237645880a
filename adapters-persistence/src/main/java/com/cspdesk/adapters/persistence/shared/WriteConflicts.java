package com.cspdesk.adapters.persistence.shared;

import java.sql.SQLException;

/**
 * Tells a lost write conflict from every other failure: a Galera certification failure or an InnoDB
 * deadlock, error 1213 or SQLSTATE 40001, anywhere in the cause chain (the driver and Micronaut wrap it,
 * e.g. a failed COMMIT in a transaction exception).
 */
public final class WriteConflicts {

    /** MySQL's and MariaDB's "Deadlock found when trying to get lock" (also Galera's certification failure). */
    static final int ER_LOCK_DEADLOCK = 1213;
    /** SQL standard "serialization failure". */
    static final String SERIALIZATION_FAILURE = "40001";

    private WriteConflicts() {
    }

    public static boolean isWriteConflict(Throwable failure) {
        return Causes.any(failure, t -> t instanceof SQLException sql && conflictIn(sql));
    }

    private static boolean conflictIn(SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
            if (s.getErrorCode() == ER_LOCK_DEADLOCK || SERIALIZATION_FAILURE.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
