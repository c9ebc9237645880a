package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.List;

/** The contracts' invoicing fixtures, and emptying the tables the invoices are made from (for the SQL tests). */
final class InvoicingFixtures extends com.cspdesk.contracts.InvoicingFixtures {

    /** Children before parents. */
    static final List<String> TABLES = List.of("invoice_line", "invoice", "invoice_run", "credit_note", "subscription_term", "download_link",
            "product_key", "software_entitlement", "order_line", "customer_order", "customer");

    private final Transactions transactions;
    private final JdbcOperations jdbc;

    InvoicingFixtures(Customers customers, Orders orders, Credits credits, Transactions transactions, JdbcOperations jdbc) {
        super(customers, orders, credits);
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Empties every table the invoices are made from (each test starts from nothing). */
    void clear() {
        transactions.inTransaction(() -> {
            for (String table : TABLES) {
                JdbcRows.update(jdbc, "DELETE FROM " + table);
            }
            return null;
        });
    }
}
