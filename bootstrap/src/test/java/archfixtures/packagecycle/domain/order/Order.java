package archfixtures.packagecycle.domain.order;

import archfixtures.packagecycle.domain.order.line.OrderLine;

/** Violation: Order and OrderLine (packages order and order.line) use each other. */
public class Order {

    public OrderLine next() {
        return new OrderLine();
    }
}
