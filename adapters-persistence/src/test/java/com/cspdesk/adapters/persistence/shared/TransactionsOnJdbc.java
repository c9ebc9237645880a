package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.TransactionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Transactions contract on the JDBC adapters; the subclasses choose the database. */
abstract class TransactionsOnJdbc extends TransactionsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    TransactionsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected <T> T port(Class<T> port) {
        return adapters.get(port);
    }
}
