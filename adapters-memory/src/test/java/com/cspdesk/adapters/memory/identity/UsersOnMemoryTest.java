package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.UsersContract;

class UsersOnMemoryTest extends UsersContract {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryUsers users = new MemoryUsers(transactions);

    @Override
    protected Users users() {
        return users;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
