package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.contracts.CreditsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** CreditsContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class CreditsContractOnJdbcTest {

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
            super(JdbcAdapters.onMariaDb("cancellation_credits"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends CreditsContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
        }

        @Override
        protected Credits credits() {
            return db.get(Credits.class);
        }

        @Override
        protected Orders orders() {
            return db.get(Orders.class);
        }
    }
}
