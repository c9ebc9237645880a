package archfixtures.applicationusesadapter.application.order;

import archfixtures.applicationusesadapter.adapters.persistence.JdbcOrders;

/** Violation: a service uses the persistence adapter instead of an outgoing port. */
public class PlacingOrders {

    private final JdbcOrders orders = new JdbcOrders();

    public void place(String orderId) {
        orders.insert(orderId);
    }
}
