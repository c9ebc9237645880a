package archfixtures.adapterusesadapter.adapters.persistence;

import archfixtures.adapterusesadapter.adapters.web.OrderJson;

/** Violation: the persistence adapter reuses a web DTO. */
public class OrderRows {

    public OrderJson load(String id) {
        return new OrderJson(id);
    }
}
