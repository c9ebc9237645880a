package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(JdbcAdapters.MariaDb.class)
class InvoicesOnMariaDbTest extends InvoicesOnJdbc {
}
