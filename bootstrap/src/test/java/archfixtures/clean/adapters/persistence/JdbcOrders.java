package archfixtures.clean.adapters.persistence;

import archfixtures.clean.application.order.port.out.Orders;
import archfixtures.clean.domain.order.Order;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

public class JdbcOrders implements Orders {

    private final DataSource dataSource;
    private final Map<String, OrderRow> rows = new HashMap<>();

    public JdbcOrders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(Order order) {
        rows.put(order.id(), OrderRow.of(order));
    }

    @Override
    public Optional<Order> find(String id) {
        return Optional.ofNullable(rows.get(id)).map(OrderRow::order);
    }

    record OrderRow(Order order) {
        static OrderRow of(Order order) {
            return new OrderRow(order);
        }
    }
}
