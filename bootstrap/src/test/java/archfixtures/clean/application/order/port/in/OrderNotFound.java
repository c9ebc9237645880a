package archfixtures.clean.application.order.port.in;

public class OrderNotFound extends RuntimeException {

    public OrderNotFound(String orderId) {
        super("no order " + orderId);
    }
}
