package archfixtures.packagecycle.adapters.web.order.json;

import archfixtures.packagecycle.adapters.web.order.OrderController;

public class OrderJson {

    public OrderController back() {
        return new OrderController();
    }
}
