package com.cspdesk.adapters.persistence.testing;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

/** A plan test's database with {@link OrdersOfManyCustomers} in it (inserted once per class, analysed). */
public abstract class OnOrdersOfManyCustomers extends OnMariaDb {

    @Inject
    protected Transactions transactions;
    @Inject
    protected JdbcOperations jdbc;

    /** The customers' tenant ids. */
    protected List<String> customers;

    @BeforeAll
    protected void ordersOfManyCustomers() {
        customers = OrdersOfManyCustomers.insert(jdbc, transactions);
    }
}
