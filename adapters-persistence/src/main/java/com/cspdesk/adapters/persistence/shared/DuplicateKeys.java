package com.cspdesk.adapters.persistence.shared;

import java.sql.SQLIntegrityConstraintViolationException;

/** Tells a unique-key collision (MySQL error 1062, H2 23505) from every other failure. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(Throwable failure) {
        return Causes.any(failure, t -> t instanceof SQLIntegrityConstraintViolationException
                || t instanceof java.sql.SQLException sql && ("23000".equals(sql.getSQLState()) || "23505".equals(sql.getSQLState())));
    }
}
