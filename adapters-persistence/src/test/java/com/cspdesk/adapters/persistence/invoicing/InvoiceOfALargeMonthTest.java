package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceView;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of many order lines (two per order, 1,000 customers, random order ids, one credit per
 * hundred orders), made with bulk SQL, is invoiced whole by one set-based create: every line and
 * every credit exactly once, the totals to the cent, nothing left to invoice. How long that takes
 * is measured by {@code bench/run-benchmarks} (the invoice run over 1,000,000 order lines, beside
 * its limit), not here.
 */
@MicronautTest(startApplication = false, transactional = false)
class InvoiceOfALargeMonthTest extends OnMariaDb {

    private static final int LINES = 20_000;

    @Inject
    Invoices invoices;
    @Inject
    Customers customers;
    @Inject
    Orders orders;
    @Inject
    Credits credits;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void aMonthOfManyOrderLinesIsInvoicedWholeEveryLineAndCreditOnce() {
        new InvoicingFixtures(customers, orders, credits, transactions, jdbc).clear();
        int orderCount = LINES / 2;
        transactions.inTransaction(() -> {
            JdbcRows.update(jdbc, "INSERT INTO customer (tenant_id, company_name, name_key, domain, domain_key, country,"
                    + " created_at) SELECT CONCAT('tenant-', n), CONCAT('Customer ', n), CONCAT('customer ', n),"
                    + " CONCAT('c', n, '.example'), CONCAT('c', n, '.example'), 'DE', '2026-01-01 00:00:00'"
                    + " FROM " + numbers() + " WHERE n < 1000");
            JdbcRows.update(jdbc, "INSERT INTO customer_order (id, customer_tenant_id, billing_cycle, currency, created_at,"
                    + " status, total_net, total_tax, total_gross, created_by)"
                    + " SELECT MD5(n), CONCAT('tenant-', n MOD 1000), 'one_time', 'EUR',"
                    + " TIMESTAMPADD(SECOND, n MOD 2592000, '2026-11-01 00:00:00'), 'completed', 0, 0, 0, 'bulk'"
                    + " FROM " + numbers() + " WHERE n < ?", orderCount);
            JdbcRows.update(jdbc, "INSERT INTO order_line (order_id, line_item_number, customer_tenant_id, offer_id,"
                    + " product_id, sku_id, availability_id, friendly_name, kind, term_duration, quantity, unit_price,"
                    + " net, tax, gross, tax_included, status, credited_net, credited_tax, credited_gross, cancelled_at,"
                    + " order_created_at)"
                    + " SELECT id, k, customer_tenant_id, 'DG7GMGF0MGVZ:0001:DZH318Z04FQR', 'DG7GMGF0MGVZ', '0001',"
                    + " 'DZH318Z04FQR', 'SQL Server 2022 Standard, 2 Core License Pack', 'PERPETUAL_SOFTWARE', NULL, 1,"
                    + " net, net, tax, net + tax, FALSE, 'active', 0, 0, 0, NULL, created_at"
                    + " FROM (SELECT o.id, k.k, o.customer_tenant_id, o.created_at, (10000 + CRC32(CONCAT(o.id, k.k)) MOD 900000) / 100 AS net,"
                    + " ROUND((10000 + CRC32(CONCAT(o.id, k.k)) MOD 900000) / 100 * 0.19, 2) AS tax"
                    + " FROM customer_order o CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) k WHERE o.created_by = 'bulk') s");
            JdbcRows.update(jdbc, "INSERT INTO credit_note (id, customer_tenant_id, order_id, line_item_number, product_kind,"
                    + " currency, net, tax, gross, issued_at, issued_by)"
                    + " SELECT CONCAT('credit-', order_id), customer_tenant_id, order_id, 1, 'PERPETUAL_SOFTWARE', 'EUR',"
                    + " net, tax, gross, '2026-11-29 12:00:00', 'bulk' FROM order_line"
                    + " WHERE line_item_number = 1 AND CRC32(order_id) MOD 100 = 0");
            return null;
        });
        long lines = count("SELECT COUNT(*) FROM order_line");
        long creditNotes = count("SELECT COUNT(*) FROM credit_note");
        assertThat(lines).isEqualTo(LINES);
        Instant until = Instant.parse("2026-12-01T00:00:00Z");

        List<Currency> currencies = invoices.currenciesToInvoice(until);
        int created = transactions.inTransaction(() ->
                invoices.create("INV-2026-11-EUR", YearMonth.of(2026, 11), Currency.getInstance("EUR"), until, until));

        assertThat(creditNotes).as("one credit per hundred orders").isPositive();
        assertThat(currencies).containsExactly(Currency.getInstance("EUR"));
        assertThat(created).isEqualTo(lines + creditNotes);
        InvoiceView invoice = invoices.find("INV-2026-11-EUR").orElseThrow();
        BigDecimal charged = transactions.inTransaction(() -> JdbcRows.one(jdbc, "SELECT SUM(gross) FROM order_line",
                row -> row.getBigDecimal(1))).orElseThrow();
        BigDecimal credited = transactions.inTransaction(() -> JdbcRows.one(jdbc, "SELECT SUM(gross) FROM credit_note",
                row -> row.getBigDecimal(1))).orElseThrow();
        assertThat(invoice.charges().gross().amount()).isEqualByComparingTo(charged);
        assertThat(invoice.credits().gross().amount()).isEqualByComparingTo(credited.negate());
        assertThat(invoice.total().gross().amount()).isEqualByComparingTo(charged.subtract(credited));
        assertThat(invoices.currenciesToInvoice(until)).isEmpty();
    }

    private long count(String sql) {
        return transactions.inTransaction(() -> JdbcRows.count(jdbc, sql));
    }

    /** 0 … 999,999 as column n, from six crossed digit sets (portable, no sequence tables). */
    private static String numbers() {
        String digits = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        StringBuilder from = new StringBuilder("(SELECT d0.d + 10 * d1.d + 100 * d2.d + 1000 * d3.d + 10000 * d4.d"
                + " + 100000 * d5.d AS n FROM ");
        for (int i = 0; i < 6; i++) {
            from.append(i == 0 ? "" : " CROSS JOIN ").append(digits).append(" d").append(i);
        }
        return from.append(") numbers").toString();
    }
}
