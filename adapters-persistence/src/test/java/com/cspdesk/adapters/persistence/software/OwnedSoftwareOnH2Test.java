package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.OwnedSoftwareContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class OwnedSoftwareOnH2Test extends OwnedSoftwareContract {
}
