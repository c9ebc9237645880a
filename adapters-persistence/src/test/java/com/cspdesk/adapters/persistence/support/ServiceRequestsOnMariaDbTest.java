package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.contracts.ServiceRequestsContract;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceRequestsOnMariaDbTest extends ServiceRequestsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected ServiceRequests requests() {
        return ADAPTERS.get(ServiceRequests.class);
    }

    @Override
    protected void startFromNothing() {
        JdbcOperations jdbc = ADAPTERS.get(JdbcOperations.class);
        ADAPTERS.get(Transactions.class).inTransaction(() -> JdbcRows.update(jdbc, "DELETE FROM service_request_attachment")
                + JdbcRows.update(jdbc, "DELETE FROM service_request"));
    }
}
