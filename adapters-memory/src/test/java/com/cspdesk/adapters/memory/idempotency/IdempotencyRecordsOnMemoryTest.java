package com.cspdesk.adapters.memory.idempotency;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.IdempotencyRecordsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class IdempotencyRecordsOnMemoryTest extends IdempotencyRecordsContract {
}
