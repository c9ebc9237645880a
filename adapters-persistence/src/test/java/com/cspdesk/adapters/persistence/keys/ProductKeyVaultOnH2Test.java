package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.ProductKeyVaultContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class ProductKeyVaultOnH2Test extends ProductKeyVaultContract {
}
