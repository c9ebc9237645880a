package com.cspdesk.adapters.persistence.testing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.Sql;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the query-plan tests of the views across customers: 6,000 one-line orders of 200 customers over the 75 days
 * before {@link #END}, one in twenty cancelled, of four products, each with its software line, written with plain
 * SQL and analysed; and the check that a statement reads one index range in the page's order.
 */
public final class OrdersOfManyCustomers {

    public static final Instant END = Instant.parse("2026-11-30T00:00:00Z");
    public static final String[] PRODUCTS = {"DG7GMGF0MGVZ", "DG7GMGF0BHXC", "DG7GMGF086YL", "DG7GMGF01Z2K"};

    private OrdersOfManyCustomers() {
    }

    /** The customers' tenant ids. */
    public static List<String> insert(JdbcOperations jdbc, Transactions transactions) {
        Random random = new Random(16);
        List<String> tenants = new ArrayList<>();
        List<Object[]> customers = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            String tenant = UUID.randomUUID().toString();
            tenants.add(tenant);
            customers.add(new Object[]{tenant, "Customer " + c, "customer " + c, "c" + c + ".example", "c" + c + ".example",
                    "HU", END.minus(Duration.ofDays(400))});
        }
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> software = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String id = UUID.randomUUID().toString();
            String tenant = tenants.get(random.nextInt(tenants.size()));
            Instant at = END.minus(Duration.ofSeconds(random.nextInt(75 * 24 * 3600))).plusNanos(random.nextInt(1_000_000) * 1_000L);
            boolean cancelled = random.nextInt(20) == 0;
            orders.add(new Object[]{id, tenant, "one_time", "HUF", at, cancelled ? "cancelled" : "completed", 100, 27, 127, "bench"});
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            lines.add(new Object[]{id, 1, tenant, product + ":0001:X", product, "0001", "X", "A product", "PERPETUAL_SOFTWARE",
                    null, 1, 100, 100, 27, 127, false, cancelled ? "cancelled" : "active", 0, 0, 0, null, at});
            software.add(new Object[]{UUID.randomUUID().toString(), tenant, id, 1, product, "0001", "A product", "perpetual",
                    at, "2022", "en-US", "x64", cancelled ? "cancelled" : "active"});
        }
        transactions.inTransaction(() -> {
            JdbcRows.batch(jdbc, "INSERT INTO customer (tenant_id, company_name, name_key, domain, domain_key, country,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", customers);
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
        transactions.inTransaction(() -> JdbcRows.list(jdbc, "ANALYZE TABLE customer_order, order_line, software_entitlement",
                row -> row.getString(1)));
        return tenants;
    }

    /** The statement's first read is {@code index} on {@code table}, a range (or the index in order), nothing sorted. */
    public static void assertReadsInOrder(JdbcOperations jdbc, Transactions transactions, Sql sql, String table, String index) {
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
