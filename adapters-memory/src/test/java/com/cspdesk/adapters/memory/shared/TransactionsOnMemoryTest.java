package com.cspdesk.adapters.memory.shared;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.TransactionsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class TransactionsOnMemoryTest extends TransactionsContract {
}
