package archfixtures.webusesservice.adapters.web;

import archfixtures.webusesservice.application.order.PlacingOrders;

/** Violation: a controller depends on the service class instead of the use-case interface. */
public class OrderController {

    private final PlacingOrders placingOrders;

    public OrderController(PlacingOrders placingOrders) {
        this.placingOrders = placingOrders;
    }

    public String place(String customer) {
        return placingOrders.place(customer);
    }
}
