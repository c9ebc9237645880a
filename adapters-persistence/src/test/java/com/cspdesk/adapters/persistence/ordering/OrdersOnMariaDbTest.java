package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.OrdersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class OrdersOnMariaDbTest extends OrdersContract {
}
