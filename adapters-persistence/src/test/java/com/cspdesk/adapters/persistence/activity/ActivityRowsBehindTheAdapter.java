package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

/** Tampering with activity_record in plain SQL, for ActivityRecordsContract's verification tests. */
final class ActivityRowsBehindTheAdapter {

    private ActivityRowsBehindTheAdapter() {
    }

    static void changeUserPrincipalName(JdbcAdapters adapters, String recordId, String userPrincipalName) {
        update(adapters, "UPDATE activity_record SET user_principal_name = ? WHERE id = ?", userPrincipalName, recordId);
    }

    static void delete(JdbcAdapters adapters, String recordId) {
        update(adapters, "DELETE FROM activity_record WHERE id = ?", recordId);
    }

    private static void update(JdbcAdapters adapters, String sql, Object... parameters) {
        JdbcOperations jdbc = adapters.get(JdbcOperations.class);
        int changed = adapters.get(Transactions.class).inTransaction(() -> JdbcRows.update(jdbc, sql, parameters));
        if (changed != 1) {
            throw new IllegalStateException("expected to change one activity record, changed " + changed);
        }
    }
}
