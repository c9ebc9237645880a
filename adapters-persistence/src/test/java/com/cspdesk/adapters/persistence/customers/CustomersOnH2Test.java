package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class CustomersOnH2Test extends CustomersOnJdbc {
    CustomersOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
