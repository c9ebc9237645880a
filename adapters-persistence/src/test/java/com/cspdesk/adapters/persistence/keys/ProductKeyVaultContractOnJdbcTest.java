package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.JdbcAdapters;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.contracts.ProductKeyVaultContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** ProductKeyVaultContract on the JDBC adapter: on H2 in MySQL mode (the embedded demo's database) and on MariaDB. */
class ProductKeyVaultContractOnJdbcTest {

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
            super(JdbcAdapters.onMariaDb("keys_productkeyvault"));
        }
    }

    /** One context (one database) for all of a class's tests. */
    abstract static class OnJdbc extends ProductKeyVaultContract {

        private final JdbcAdapters db;

        OnJdbc(JdbcAdapters db) {
            this.db = db;
        }

        @AfterAll
        void stop() {
            db.close();
        }

        @Override
        protected ProductKeyVault vault() {
            return db.get(ProductKeyVault.class);
        }
    }
}
