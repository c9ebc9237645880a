package com.cspdesk.adapters.persistence.software;

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
 * What MariaDB's optimizer does with {@link SoftwareAcrossCustomersJdbcAdapter}'s SQL on {@link OrdersOfManyCustomers} (statistics
 * analysed): every filter combination's page is one range of an index already in the page's order (no filesort), so
 * the first page reads about a page of rows whatever the volume. What the reads answer is AcrossCustomersContract's.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftwareAcrossCustomersQueryPlansTest extends OnOrdersOfManyCustomers {

    private static final Instant END = OrdersOfManyCustomers.END;
    private static final String[] PRODUCTS = OrdersOfManyCustomers.PRODUCTS;

    @Test
    void everyLinesPageReadsThePurchaseIndexInOrder() {
        for (boolean dated : List.of(false, true)) {
            for (Optional<Position> after : cursors()) {
                assertReadsInOrder(SoftwareAcrossCustomersJdbcAdapter.pageSql(filter(null, null, null, dated), after, 51),
                        "ix_software_entitlement_purchased");
            }
        }
    }

    @Test
    void aStatusAProductAndACustomerReadTheirOwnRangesInOrder() {
        String tenant = customers.get(7);
        for (boolean dated : List.of(false, true)) {
            for (Optional<Position> after : cursors()) {
                assertReadsInOrder(SoftwareAcrossCustomersJdbcAdapter.pageSql(filter(null, null, "cancelled", dated), after, 51),
                        "ix_software_entitlement_status_purchased");
                assertReadsInOrder(SoftwareAcrossCustomersJdbcAdapter.pageSql(filter(null, PRODUCTS[1], null, dated), after, 51),
                        "ix_software_entitlement_product_purchased");
                assertReadsInOrder(SoftwareAcrossCustomersJdbcAdapter.pageSql(filter(null, PRODUCTS[1], "active", dated), after, 51),
                        "ix_software_entitlement_product_purchased");
                assertReadsInOrder(SoftwareAcrossCustomersJdbcAdapter.pageSql(filter(tenant, PRODUCTS[1], "active", dated), after, 51),
                        "ix_software_entitlement_tenant");
            }
        }
    }

    private static AcrossCustomersFilter filter(String tenant, String product, String status, boolean dated) {
        return new AcrossCustomersFilter(Optional.ofNullable(tenant), Optional.ofNullable(product), Optional.ofNullable(status),
                dated ? Optional.of(END.minus(Duration.ofDays(20))) : Optional.empty(),
                dated ? Optional.of(END.minus(Duration.ofDays(5))) : Optional.empty());
    }

    private static List<Optional<Position>> cursors() {
        return List.of(Optional.empty(), Optional.of(new Position(END.minus(Duration.ofDays(10)), "8")));
    }

    private void assertReadsInOrder(Sql sql, String index) {
        OrdersOfManyCustomers.assertReadsInOrder(jdbc, transactions, sql, "software_entitlement", index);
    }
}
