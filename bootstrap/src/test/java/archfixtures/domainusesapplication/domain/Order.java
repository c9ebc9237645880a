package archfixtures.domainusesapplication.domain;

import archfixtures.domainusesapplication.application.order.port.out.Orders;

/** Violation: the domain reaches out to an application port (an active-record style save). */
public record Order(String id) {

    public void saveTo(Orders orders) {
        orders.save(id);
    }
}
