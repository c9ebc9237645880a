package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.OrdersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class OrdersOnH2Test extends OrdersContract {
}
