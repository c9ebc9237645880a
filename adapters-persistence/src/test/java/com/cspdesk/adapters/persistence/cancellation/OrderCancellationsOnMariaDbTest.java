package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class OrderCancellationsOnMariaDbTest extends OrderCancellationsOnJdbc {
    OrderCancellationsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
