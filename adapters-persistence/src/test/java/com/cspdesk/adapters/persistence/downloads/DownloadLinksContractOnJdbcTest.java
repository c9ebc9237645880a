package com.cspdesk.adapters.persistence.downloads;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.contracts.DownloadLinksContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** DownloadLinksContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class DownloadLinksContractOnJdbcTest {

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
            super(JdbcAdapters.onMariaDb("downloads_downloadlinks"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends DownloadLinksContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
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
