package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.OrderCancellationsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class OrderCancellationsOnMariaDbTest extends OrderCancellationsContract {
}
