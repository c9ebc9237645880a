package com.cspdesk.adapters.persistence.subscriptions;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.SubscriptionsAcrossCustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class SubscriptionsAcrossCustomersOnH2Test extends SubscriptionsAcrossCustomersContract {
}
