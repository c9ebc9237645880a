package archfixtures.clean.application.order.port.out;

import archfixtures.clean.domain.order.Order;

public interface Receipts {

    void file(Order order);
}
