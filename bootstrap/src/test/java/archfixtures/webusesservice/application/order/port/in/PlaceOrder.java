package archfixtures.webusesservice.application.order.port.in;

public interface PlaceOrder {

    String place(String customer);
}
