package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.EntitlementsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class EntitlementsOnH2Test extends EntitlementsContract {
}
