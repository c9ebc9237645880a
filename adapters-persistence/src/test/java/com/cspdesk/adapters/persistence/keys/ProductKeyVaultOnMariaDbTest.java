package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.contracts.ProductKeyVaultContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductKeyVaultOnMariaDbTest extends ProductKeyVaultContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected ProductKeyVault vault() {
        return ADAPTERS.get(ProductKeyVault.class);
    }
}
