package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ProductKeyVaultOnH2Test extends ProductKeyVaultOnJdbc {
    ProductKeyVaultOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
