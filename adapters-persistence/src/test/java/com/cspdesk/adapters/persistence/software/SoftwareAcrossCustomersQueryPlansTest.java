package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.Sql;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MariaDB's optimizer does with {@link SoftwareAcrossCustomersJdbcAdapter}'s SQL on the software lines of 6,000 orders of 200
 * customers (statistics analysed): every filter combination's page is one range of an index already in the page's
 * order (no filesort), so the first page reads about a page of rows whatever the volume. What the reads answer is
 * AcrossCustomersContract's.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftwareAcrossCustomersQueryPlansTest extends OnMariaDb {

    private static final Instant END = Instant.parse("2026-11-30T00:00:00Z");
    private static final String[] PRODUCTS = {"DG7GMGF0MGVZ", "DG7GMGF0BHXC", "DG7GMGF086YL", "DG7GMGF01Z2K"};

    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    private final List<String> customers = new ArrayList<>();

    @BeforeAll
    void ordersOfManyCustomers() {
        Random random = new Random(16);
        List<Object[]> customerRows = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            String tenant = UUID.randomUUID().toString();
            customers.add(tenant);
            customerRows.add(new Object[]{tenant, "Customer " + c, "customer " + c, "c" + c + ".example", "c" + c + ".example",
                    "HU", END.minus(Duration.ofDays(400))});
        }
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> software = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String id = UUID.randomUUID().toString();
            String tenant = customers.get(random.nextInt(customers.size()));
            Instant at = END.minus(Duration.ofSeconds(random.nextInt(75 * 24 * 3600))).plusNanos(random.nextInt(1_000_000) * 1_000L);
            String status = random.nextInt(20) == 0 ? "cancelled" : "completed";
            orders.add(new Object[]{id, tenant, "one_time", "HUF", at, status, 100, 27, 127, "bench"});
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            lines.add(new Object[]{id, 1, tenant, product + ":0001:X", product, "0001", "X", "A product", "PERPETUAL_SOFTWARE",
                    null, 1, 100, 100, 27, 127, false, "active", 0, 0, 0, null, at});
            software.add(new Object[]{UUID.randomUUID().toString(), tenant, id, 1, product, "0001", "A product", "perpetual",
                    at, "2022", "en-US", "x64", status.equals("cancelled") ? "cancelled" : "active"});
        }
        transactions.inTransaction(() -> {
            JdbcRows.batch(jdbc, "INSERT INTO customer (tenant_id, company_name, name_key, domain, domain_key, country,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", customerRows);
            JdbcRows.batch(jdbc, "INSERT INTO customer_order (id, customer_tenant_id, billing_cycle, currency, created_at,"
                    + " status, total_net, total_tax, total_gross, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orders);
            JdbcRows.batch(jdbc, "INSERT INTO order_line (order_id, line_item_number, customer_tenant_id, offer_id, product_id,"
                    + " sku_id, availability_id, friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross,"
                    + " tax_included, status, credited_net, credited_tax, credited_gross, cancelled_at, order_created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
            JdbcRows.batch(jdbc, "INSERT INTO software_entitlement (id, customer_tenant_id, order_id, line_item_number,"
                    + " product_id, sku_id, product_name, contract_type, purchased_at, versions, languages, bitness, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", software);
            return null;
        });
        transactions.inTransaction(() -> JdbcRows.list(jdbc, "ANALYZE TABLE software_entitlement", row -> row.getString(1)));
    }

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
        String table = "software_entitlement";
        List<Plan> plans = transactions.inTransaction(() -> JdbcRows.list(jdbc, "EXPLAIN " + sql.text(),
                row -> new Plan(row.getString("table"), row.getString("type"), row.getString("key"), row.getString("Extra")),
                sql.parameterArray()));
        Plan plan = plans.get(0);
        assertThat(plan.table()).as("%s\n%s", sql.text(), plans).isEqualTo(table);
        assertThat(plan.key()).as("%s\n%s", sql.text(), plans).isEqualTo(index);
        assertThat(plan.type()).as("%s\n%s", sql.text(), plans).isIn("range", "ref", "index");
        assertThat(plans).as("%s\n%s", sql.text(), plans).allSatisfy(p ->
                assertThat(String.valueOf(p.extra())).doesNotContain("filesort").doesNotContain("temporary"));
    }

    private record Plan(String table, String type, String key, String extra) {
    }
}
