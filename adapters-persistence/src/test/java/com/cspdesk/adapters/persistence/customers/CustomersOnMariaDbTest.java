package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class CustomersOnMariaDbTest extends CustomersOnJdbc {
    CustomersOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
