package archfixtures.serviceinportin.adapters.web;

import archfixtures.serviceinportin.application.order.port.in.PlacingOrders;

public class OrderController {

    private final PlacingOrders placingOrders = new PlacingOrders();

    public String place(String customer) {
        return placingOrders.place(customer);
    }
}
