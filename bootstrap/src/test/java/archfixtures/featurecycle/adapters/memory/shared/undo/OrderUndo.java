package archfixtures.featurecycle.adapters.memory.shared.undo;

import archfixtures.featurecycle.adapters.memory.order.MemoryOrders;

/**
 * Violation: shared and order use each other (order -> shared, shared.undo -> order),
 * although no two single packages form a cycle.
 */
public class OrderUndo {

    public MemoryOrders use() {
        return new MemoryOrders();
    }
}
