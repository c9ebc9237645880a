package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.UsersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Users contract on the JDBC adapters; the subclasses choose the database. */
abstract class UsersOnJdbc extends UsersContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    UsersOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected Users users() {
        return adapters.get(Users.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
