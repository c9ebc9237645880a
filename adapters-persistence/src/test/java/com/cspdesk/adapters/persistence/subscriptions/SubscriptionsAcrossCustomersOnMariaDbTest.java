package com.cspdesk.adapters.persistence.subscriptions;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.SubscriptionsAcrossCustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class SubscriptionsAcrossCustomersOnMariaDbTest extends SubscriptionsAcrossCustomersContract {
}
