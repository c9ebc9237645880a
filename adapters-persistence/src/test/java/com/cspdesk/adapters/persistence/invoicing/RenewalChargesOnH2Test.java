package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.RenewalChargesContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class RenewalChargesOnH2Test extends RenewalChargesContract {
}
