package archfixtures.packagecycle.adapters.persistence.order.row;

import archfixtures.packagecycle.adapters.persistence.order.JdbcOrders;

public class OrderRow {

    public JdbcOrders back() {
        return new JdbcOrders();
    }
}
