package archfixtures.featurecycle.adapters.persistence.shared.mapping;

import archfixtures.featurecycle.adapters.persistence.order.JdbcOrders;

/**
 * Violation: shared and order use each other (order -> shared, shared.mapping -> order),
 * although no two single packages form a cycle.
 */
public class Rows {

    public JdbcOrders use() {
        return new JdbcOrders();
    }
}
