package com.cspdesk.application.portfolio;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.OrderViews;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.in.CustomerOrderView;
import com.cspdesk.application.portfolio.port.in.ListOrdersAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.OrdersAcrossCustomers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.order.OrderStatus;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Every customer's orders, newest first, as a customer's own list shows them, with the customer's name. */
public final class OrdersAcrossCustomersReading implements ListOrdersAcrossCustomers {

    static final String TOKEN_KIND = "allorders";

    private final AcrossCustomersPaging<OrdersAcrossCustomers.CustomerOrder, CustomerOrderView> paging;

    public OrdersAcrossCustomersReading(OrdersAcrossCustomers orders, Customers customers) {
        this.paging = new AcrossCustomersPaging<>(TOKEN_KIND,
                Arrays.stream(OrderStatus.values()).map(OrderStatus::code).collect(Collectors.toSet()), "createdTo",
                orders::page, row -> new Position(row.order().createdAt(), row.order().id()),
                row -> new CustomerOrderView(OrderViews.view(row.order()), row.customerName()), customers);
    }

    @Override
    public AcrossCustomersResult<CustomerOrderView> list(AcrossCustomersQuery query, Actor actor) {
        return paging.list(query, actor);
    }

    @Override
    public AcrossCustomersResult<CustomerOrderView> forEach(AcrossCustomersQuery query, Actor actor,
                                                            Consumer<CustomerOrderView> sink) {
        return paging.forEach(query, actor, sink);
    }
}
