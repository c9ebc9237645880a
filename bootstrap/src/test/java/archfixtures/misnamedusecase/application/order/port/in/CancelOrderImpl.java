package archfixtures.misnamedusecase.application.order.port.in;

/** Violation: an implementation-style name on a use-case interface. */
public interface CancelOrderImpl {

    void cancel(String orderId);
}
