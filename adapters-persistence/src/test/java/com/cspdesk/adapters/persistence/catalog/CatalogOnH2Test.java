package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.CatalogContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class CatalogOnH2Test extends CatalogContract {
}
