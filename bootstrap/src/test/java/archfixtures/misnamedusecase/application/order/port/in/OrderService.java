package archfixtures.misnamedusecase.application.order.port.in;

/** Violation: a catch-all "service" instead of one use case per port. */
public interface OrderService {

    String place(String customer);

    void cancel(String orderId);
}
