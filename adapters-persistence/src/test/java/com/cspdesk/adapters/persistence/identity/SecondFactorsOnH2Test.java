package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.SecondFactorsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class SecondFactorsOnH2Test extends SecondFactorsContract {
}
