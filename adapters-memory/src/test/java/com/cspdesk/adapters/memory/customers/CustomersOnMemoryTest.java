package com.cspdesk.adapters.memory.customers;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.CustomersContract;

class CustomersOnMemoryTest extends CustomersContract {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryCustomers customers = new MemoryCustomers(transactions);

    @Override
    protected Customers customers() {
        return customers;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
