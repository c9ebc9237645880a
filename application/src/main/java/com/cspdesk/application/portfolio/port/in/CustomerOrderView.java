package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.application.ordering.port.in.OrderView;

/** An order in the list across customers: the order as a customer's list shows it, with its customer's name. */
public record CustomerOrderView(OrderView order, String customerName) {
}
