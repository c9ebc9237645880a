package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.ApplicationsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class ApplicationsOnH2Test extends ApplicationsContract {
}
