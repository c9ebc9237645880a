package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.TransactionsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.H2.class)
class TransactionsOnH2Test extends TransactionsContract {
}
