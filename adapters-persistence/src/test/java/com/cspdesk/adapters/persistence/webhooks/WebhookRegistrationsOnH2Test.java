package com.cspdesk.adapters.persistence.webhooks;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.WebhookRegistrationsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class WebhookRegistrationsOnH2Test extends WebhookRegistrationsContract {
}
