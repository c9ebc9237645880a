package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.ActivityRecordsContract;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

/**
 * The ActivityRecords contract on the JDBC adapters, tampering with activity_record in plain SQL for
 * its verification tests; the subclasses choose the database.
 */
abstract class ActivityRecordsOnJdbc extends ActivityRecordsContract {

    @Override
    protected void changeUserPrincipalName(String recordId, String userPrincipalName) {
        update("UPDATE activity_record SET user_principal_name = ? WHERE id = ?", userPrincipalName, recordId);
    }

    @Override
    protected void deleteRecord(String recordId) {
        update("DELETE FROM activity_record WHERE id = ?", recordId);
    }

    private void update(String sql, Object... parameters) {
        JdbcOperations jdbc = port(JdbcOperations.class);
        int changed = port(Transactions.class).inTransaction(() -> JdbcRows.update(jdbc, sql, parameters));
        if (changed != 1) {
            throw new IllegalStateException("expected to change one activity record, changed " + changed);
        }
    }
}
