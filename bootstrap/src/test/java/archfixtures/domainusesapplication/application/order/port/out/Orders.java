package archfixtures.domainusesapplication.application.order.port.out;

public interface Orders {

    void save(String orderId);
}
