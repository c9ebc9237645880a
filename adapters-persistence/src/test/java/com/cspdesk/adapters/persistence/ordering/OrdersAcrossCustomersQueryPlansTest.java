package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.OnOrdersOfManyCustomers;
import com.cspdesk.adapters.persistence.testing.OrdersOfManyCustomers;
import com.cspdesk.adapters.persistence.shared.Sql;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What MariaDB's optimizer does with {@link OrdersAcrossCustomersJdbcAdapter}'s SQL on {@link OrdersOfManyCustomers} (statistics
 * analysed): every filter combination's page is one range of an index already in the page's order (no filesort), so
 * the first page reads about a page of rows whatever the volume. What the reads answer is AcrossCustomersContract's.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersAcrossCustomersQueryPlansTest extends OnOrdersOfManyCustomers {

    private static final Instant END = OrdersOfManyCustomers.END;
    private static final String[] PRODUCTS = OrdersOfManyCustomers.PRODUCTS;

    @Test
    void everyOrdersPageReadsTheCreationIndexInOrder() {
        for (AcrossCustomersFilter filter : List.of(filter(null, null, false), filter(null, null, true))) {
            for (Optional<Position> after : cursors()) {
                assertReadsInOrder(OrdersAcrossCustomersJdbcAdapter.ordersSql(filter, after, 51), "customer_order",
                        "ix_customer_order_created");
            }
        }
    }

    @Test
    void aStatusReadsItsOwnRangeInOrder() {
        for (boolean dated : List.of(false, true)) {
            for (Optional<Position> after : cursors()) {
                assertReadsInOrder(OrdersAcrossCustomersJdbcAdapter.ordersSql(filter(null, "cancelled", dated), after, 51),
                        "customer_order", "ix_customer_order_status_created");
            }
        }
    }

    @Test
    void aCustomerReadsItsOwnRangeWhateverElseIsFiltered() {
        String tenant = customers.get(7);
        for (AcrossCustomersFilter filter : List.of(filter(tenant, null, false), new AcrossCustomersFilter(Optional.of(tenant),
                Optional.of(PRODUCTS[1]), Optional.of("completed"), Optional.of(END.minus(Duration.ofDays(30))), Optional.empty()))) {
            for (Optional<Position> after : cursors()) {
                assertReadsInOrder(OrdersAcrossCustomersJdbcAdapter.ordersSql(filter, after, 51), "customer_order",
                        "ix_customer_order_tenant_created");
            }
        }
    }

    @Test
    void aProductReadsTheOrderLinesOfItsRangeInOrder() {
        for (boolean dated : List.of(false, true)) {
            AcrossCustomersFilter product = new AcrossCustomersFilter(Optional.empty(), Optional.of(PRODUCTS[2]),
                    Optional.of("completed"), dated ? Optional.of(END.minus(Duration.ofDays(30))) : Optional.empty(),
                    Optional.empty());
            for (Optional<Position> after : cursors()) {
                assertReadsInOrder(OrdersAcrossCustomersJdbcAdapter.productSql(product, after, 102), "order_line",
                        "ix_order_line_product_created");
            }
        }
    }

    private static AcrossCustomersFilter filter(String tenant, String status, boolean dated) {
        return new AcrossCustomersFilter(Optional.ofNullable(tenant), Optional.empty(), Optional.ofNullable(status),
                dated ? Optional.of(END.minus(Duration.ofDays(20))) : Optional.empty(),
                dated ? Optional.of(END.minus(Duration.ofDays(5))) : Optional.empty());
    }

    private static List<Optional<Position>> cursors() {
        return List.of(Optional.empty(), Optional.of(new Position(END.minus(Duration.ofDays(10)), "8")));
    }

    private void assertReadsInOrder(Sql sql, String table, String index) {
        OrdersOfManyCustomers.assertReadsInOrder(jdbc, transactions, sql, table, index);
    }
}
