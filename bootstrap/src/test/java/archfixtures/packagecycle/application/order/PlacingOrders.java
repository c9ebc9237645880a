package archfixtures.packagecycle.application.order;

import archfixtures.packagecycle.application.order.port.in.PlaceOrder;

public class PlacingOrders implements PlaceOrder {

    @Override
    public String place(String customer) {
        return customer;
    }
}
