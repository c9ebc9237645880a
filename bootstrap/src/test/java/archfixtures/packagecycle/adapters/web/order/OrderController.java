package archfixtures.packagecycle.adapters.web.order;

import archfixtures.packagecycle.adapters.web.order.json.OrderJson;

/** Violation: OrderController and OrderJson (packages order and order.json) use each other. */
public class OrderController {

    public OrderJson next() {
        return new OrderJson();
    }
}
