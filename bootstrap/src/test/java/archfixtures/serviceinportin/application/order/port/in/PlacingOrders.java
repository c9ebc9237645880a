package archfixtures.serviceinportin.application.order.port.in;

/** Violation: the service sits in port.in, so the web rule alone would let controllers use it. */
public class PlacingOrders implements PlaceOrder {

    @Override
    public String place(String customer) {
        return customer;
    }
}
