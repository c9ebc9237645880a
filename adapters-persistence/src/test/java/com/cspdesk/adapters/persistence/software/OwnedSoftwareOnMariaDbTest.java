package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.OwnedSoftwareContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class OwnedSoftwareOnMariaDbTest extends OwnedSoftwareContract {
}
