package com.cspdesk.adapters.memory.subscriptions;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.SubscriptionsAcrossCustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class SubscriptionsAcrossCustomersOnMemoryTest extends SubscriptionsAcrossCustomersContract {
}
