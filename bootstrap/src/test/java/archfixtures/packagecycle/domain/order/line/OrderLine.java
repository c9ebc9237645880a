package archfixtures.packagecycle.domain.order.line;

import archfixtures.packagecycle.domain.order.Order;

public class OrderLine {

    public Order back() {
        return new Order();
    }
}
