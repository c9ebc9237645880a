package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class IdempotencyRecordsOnH2Test extends IdempotencyRecordsOnJdbc {
    IdempotencyRecordsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
