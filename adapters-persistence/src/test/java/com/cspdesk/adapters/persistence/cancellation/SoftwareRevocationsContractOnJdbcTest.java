package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.contracts.SoftwareRevocationsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** SoftwareRevocationsContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class SoftwareRevocationsContractOnJdbcTest {

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
            super(JdbcAdapters.onMariaDb("cancellation_softwarerevocations"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends SoftwareRevocationsContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
        }

        @Override
        protected SoftwareRevocations revocations() {
            return db.get(SoftwareRevocations.class);
        }

        @Override
        protected Orders orders() {
            return db.get(Orders.class);
        }

        @Override
        protected Entitlements entitlements() {
            return db.get(Entitlements.class);
        }

        @Override
        protected OwnedSoftware ownedSoftware() {
            return db.get(OwnedSoftware.class);
        }

        @Override
        protected DownloadLinks links() {
            return db.get(DownloadLinks.class);
        }

        @Override
        protected Transactions transactions() {
            return db.get(Transactions.class);
        }
    }
}
