package archfixtures.packagecycle.application.order.port.in;

import archfixtures.packagecycle.application.order.PlacingOrders;

/** Violation: the incoming port knows its implementation (port.in -> order -> port.in). */
public interface PlaceOrder {

    String place(String customer);

    static PlaceOrder create() {
        return new PlacingOrders();
    }
}
