package com.cspdesk.application.portfolio.port.out;

import com.cspdesk.application.ordering.port.out.Orders;

import java.util.List;
import java.util.Optional;

/** Reading every customer's orders (they are written through {@link Orders}). */
public interface OrdersAcrossCustomers {

    /**
     * Orders matching the filter (a product: the order has a line of it), newest first (creation date, then id,
     * both descending), after {@code after} (exclusive), at most {@code limit}, each with its lines.
     */
    List<CustomerOrder> page(AcrossCustomersFilter filter, Optional<AcrossCustomersFilter.Position> after, int limit);

    record CustomerOrder(Orders.StoredOrder order, String customerName) {
    }
}
