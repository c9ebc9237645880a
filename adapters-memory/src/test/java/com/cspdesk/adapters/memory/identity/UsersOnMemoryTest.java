package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.UsersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersOnMemoryTest extends UsersContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected Users users() {
        return adapters.get(Users.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
