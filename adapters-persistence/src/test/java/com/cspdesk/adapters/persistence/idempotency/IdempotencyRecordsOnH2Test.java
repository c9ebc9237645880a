package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.IdempotencyRecordsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class IdempotencyRecordsOnH2Test extends IdempotencyRecordsContract {
}
