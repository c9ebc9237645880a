package archfixtures.webusesportout.application.order.port.out;

public interface Orders {

    int count();
}
