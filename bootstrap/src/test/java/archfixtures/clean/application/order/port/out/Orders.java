package archfixtures.clean.application.order.port.out;

import archfixtures.clean.domain.order.Order;
import java.util.Optional;

public interface Orders {

    void save(Order order);

    Optional<Order> find(String id);
}
