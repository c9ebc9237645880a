package com.cspdesk.adapters.persistence.portfolio;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.AcrossCustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class AcrossCustomersOnMariaDbTest extends AcrossCustomersContract {
}
