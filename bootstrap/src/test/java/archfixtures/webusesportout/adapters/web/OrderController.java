package archfixtures.webusesportout.adapters.web;

import archfixtures.webusesportout.application.order.port.out.Orders;

/** Violation: a controller short-cuts the use case and talks to an outgoing port. */
public class OrderController {

    private final Orders orders;

    public OrderController(Orders orders) {
        this.orders = orders;
    }

    public int count() {
        return orders.count();
    }
}
