package archfixtures.featurecycle.adapters.memory.order;

import archfixtures.featurecycle.adapters.memory.shared.UndoLog;

public class MemoryOrders {

    public UndoLog use() {
        return new UndoLog();
    }
}
