package archfixtures.clean.adapters.memory;

import archfixtures.clean.application.order.port.out.Orders;
import archfixtures.clean.domain.order.Order;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The same outgoing port as the persistence adapter's, kept in memory: a second store, not a copy of the first. */
public class MemoryOrders implements Orders {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    @Override
    public void save(Order order) {
        orders.put(order.id(), order);
    }

    @Override
    public Optional<Order> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }
}
