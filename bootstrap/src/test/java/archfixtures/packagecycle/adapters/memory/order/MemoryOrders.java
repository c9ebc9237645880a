package archfixtures.packagecycle.adapters.memory.order;

import archfixtures.packagecycle.adapters.memory.order.row.StoredOrder;

/** Violation: MemoryOrders and StoredOrder (packages order and order.row) use each other. */
public class MemoryOrders {

    public StoredOrder next() {
        return new StoredOrder();
    }
}
