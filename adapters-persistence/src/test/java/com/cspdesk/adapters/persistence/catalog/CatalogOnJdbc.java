package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.contracts.CatalogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Catalog contract on the JDBC adapters; the subclasses choose the database. */
abstract class CatalogOnJdbc extends CatalogContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    CatalogOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected Catalog catalog() {
        return adapters.get(Catalog.class);
    }
}
