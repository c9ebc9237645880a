package com.cspdesk.adapters.memory.ordering;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrdersContract;

class OrdersOnMemoryTest extends OrdersContract {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryOrders orders = new MemoryOrders(transactions, new OrderBook(transactions));

    @Override
    protected Orders orders() {
        return orders;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
