package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.SecondFactorsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class SecondFactorsOnMariaDbTest extends SecondFactorsContract {
}
