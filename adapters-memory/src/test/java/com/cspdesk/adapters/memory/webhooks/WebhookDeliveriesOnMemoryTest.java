package com.cspdesk.adapters.memory.webhooks;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.WebhookDeliveriesContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class WebhookDeliveriesOnMemoryTest extends WebhookDeliveriesContract {
}
