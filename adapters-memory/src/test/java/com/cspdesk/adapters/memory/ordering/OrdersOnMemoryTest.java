package com.cspdesk.adapters.memory.ordering;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.OrdersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class OrdersOnMemoryTest extends OrdersContract {
}
