package com.cspdesk.adapters.persistence.webhooks;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.WebhookDeliveriesContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class WebhookDeliveriesOnH2Test extends WebhookDeliveriesContract {
}
