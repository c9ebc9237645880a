package com.cspdesk.adapters.memory.customers;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.CustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class CustomersOnMemoryTest extends CustomersContract {
}
