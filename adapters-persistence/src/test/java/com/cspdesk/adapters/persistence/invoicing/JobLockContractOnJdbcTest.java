package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.JobLockContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** JobLockContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class JobLockContractOnJdbcTest {

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
            super(JdbcAdapters.onMariaDb("invoicing_joblock"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends JobLockContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
        }

        @Override
        protected JobLock lock() {
            return db.get(JobLock.class);
        }

        @Override
        protected InvoiceRuns runs() {
            return db.get(InvoiceRuns.class);
        }

        @Override
        protected Transactions transactions() {
            return db.get(Transactions.class);
        }
    }
}
