package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.contracts.ServiceRequestsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** ServiceRequestsContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class ServiceRequestsContractOnJdbcTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends OnJdbc {
        OnH2() {
            super(JdbcAdapters.onH2());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnMariaDb extends OnJdbc {
        OnMariaDb() {
            super(JdbcAdapters.onMariaDb("support_servicerequests"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends ServiceRequestsContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
        }

        @Override
        protected ServiceRequests requests() {
            return db.get(ServiceRequests.class);
        }

        @Override
        protected void startFromNothing() {
            db.deleteFrom("service_request_attachment", "service_request");
        }
    }
}
