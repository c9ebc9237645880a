package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ProductKeyVaultOnMariaDbTest extends ProductKeyVaultOnJdbc {
    ProductKeyVaultOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
