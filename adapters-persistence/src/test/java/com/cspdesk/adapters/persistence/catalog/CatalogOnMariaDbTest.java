package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class CatalogOnMariaDbTest extends CatalogOnJdbc {
    CatalogOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
