package archfixtures.webusesservice.application.order;

import archfixtures.webusesservice.application.order.port.in.PlaceOrder;

public class PlacingOrders implements PlaceOrder {

    @Override
    public String place(String customer) {
        return customer;
    }
}
