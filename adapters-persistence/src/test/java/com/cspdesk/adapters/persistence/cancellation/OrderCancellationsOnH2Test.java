package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class OrderCancellationsOnH2Test extends OrderCancellationsOnJdbc {
    OrderCancellationsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
