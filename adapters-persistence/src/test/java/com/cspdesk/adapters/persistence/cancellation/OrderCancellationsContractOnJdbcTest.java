package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrderCancellationsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** OrderCancellationsContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class OrderCancellationsContractOnJdbcTest {

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
            super(JdbcAdapters.onMariaDb("cancellation_ordercancellations"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends OrderCancellationsContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
        }

        @Override
        protected OrderCancellations cancellations() {
            return db.get(OrderCancellations.class);
        }

        @Override
        protected Orders orders() {
            return db.get(Orders.class);
        }

        @Override
        protected Customers customers() {
            return db.get(Customers.class);
        }

        @Override
        protected Credits credits() {
            return db.get(Credits.class);
        }

        @Override
        protected Transactions transactions() {
            return db.get(Transactions.class);
        }
    }
}
