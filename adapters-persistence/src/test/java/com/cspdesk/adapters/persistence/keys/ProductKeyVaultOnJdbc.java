package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.contracts.ProductKeyVaultContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ProductKeyVault contract on the JDBC adapters; the subclasses choose the database. */
abstract class ProductKeyVaultOnJdbc extends ProductKeyVaultContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    ProductKeyVaultOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected ProductKeyVault vault() {
        return adapters.get(ProductKeyVault.class);
    }
}
