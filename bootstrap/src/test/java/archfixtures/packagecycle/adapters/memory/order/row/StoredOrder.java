package archfixtures.packagecycle.adapters.memory.order.row;

import archfixtures.packagecycle.adapters.memory.order.MemoryOrders;

public class StoredOrder {

    public MemoryOrders back() {
        return new MemoryOrders();
    }
}
