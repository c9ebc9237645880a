package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class OrdersOnMariaDbTest extends OrdersOnJdbc {
    OrdersOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
