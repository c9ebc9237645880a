package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class CatalogOnH2Test extends CatalogOnJdbc {
    CatalogOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
