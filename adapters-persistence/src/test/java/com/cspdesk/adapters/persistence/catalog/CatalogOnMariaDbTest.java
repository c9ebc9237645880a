package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.contracts.CatalogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogOnMariaDbTest extends CatalogContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected Catalog catalog() {
        return ADAPTERS.get(Catalog.class);
    }
}
