package com.cspdesk.adapters.memory.webhooks;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.WebhookRegistrationsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class WebhookRegistrationsOnMemoryTest extends WebhookRegistrationsContract {
}
