package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.CustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class CustomersOnMariaDbTest extends CustomersContract {
}
