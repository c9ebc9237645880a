package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.ServiceRequestsContract;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

/** The ServiceRequests contract on the JDBC adapters, which share a database per class; the subclasses choose the database. */
abstract class ServiceRequestsOnJdbc extends ServiceRequestsContract {

    @Override
    protected void startFromNothing() {
        JdbcOperations jdbc = port(JdbcOperations.class);
        port(Transactions.class).inTransaction(() -> JdbcRows.update(jdbc, "DELETE FROM service_request_attachment")
                + JdbcRows.update(jdbc, "DELETE FROM service_request_note")
                + JdbcRows.update(jdbc, "DELETE FROM service_request"));
    }
}
