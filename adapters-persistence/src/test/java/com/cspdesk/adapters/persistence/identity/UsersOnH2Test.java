package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.UsersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersOnH2Test extends UsersContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected Users users() {
        return ADAPTERS.get(Users.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
