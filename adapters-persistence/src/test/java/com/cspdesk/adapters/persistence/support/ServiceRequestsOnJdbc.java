package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.contracts.ServiceRequestsContract;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ServiceRequests contract on the JDBC adapters; the subclasses choose the database. */
abstract class ServiceRequestsOnJdbc extends ServiceRequestsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    ServiceRequestsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected ServiceRequests requests() {
        return adapters.get(ServiceRequests.class);
    }

    @Override
    protected void startFromNothing() {
        JdbcOperations jdbc = adapters.get(JdbcOperations.class);
        adapters.get(Transactions.class).inTransaction(() -> JdbcRows.update(jdbc, "DELETE FROM service_request_attachment")
                + JdbcRows.update(jdbc, "DELETE FROM service_request"));
    }
}
