package archfixtures.packagecycle.adapters.persistence.order;

import archfixtures.packagecycle.adapters.persistence.order.row.OrderRow;

/** Violation: JdbcOrders and OrderRow (packages order and order.row) use each other. */
public class JdbcOrders {

    public OrderRow next() {
        return new OrderRow();
    }
}
