package archfixtures.serviceinportin.application.order.port.in;

public interface PlaceOrder {

    String place(String customer);
}
