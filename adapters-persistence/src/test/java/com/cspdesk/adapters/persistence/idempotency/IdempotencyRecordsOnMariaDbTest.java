package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class IdempotencyRecordsOnMariaDbTest extends IdempotencyRecordsOnJdbc {
    IdempotencyRecordsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
