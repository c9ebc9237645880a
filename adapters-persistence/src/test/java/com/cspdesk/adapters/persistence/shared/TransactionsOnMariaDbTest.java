package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.contracts.TransactionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionsOnMariaDbTest extends TransactionsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected <T> T port(Class<T> port) {
        return ADAPTERS.get(port);
    }
}
