package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class OrdersOnH2Test extends OrdersOnJdbc {
    OrdersOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
