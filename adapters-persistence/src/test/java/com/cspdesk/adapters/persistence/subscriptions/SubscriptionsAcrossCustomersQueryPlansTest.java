package com.cspdesk.adapters.persistence.subscriptions;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.testing.LoggedStatements;
import com.cspdesk.adapters.persistence.testing.OnOrdersOfManyCustomers;
import com.cspdesk.adapters.persistence.testing.OrdersOfManyCustomers;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MariaDB's optimizer does with {@link SubscriptionsAcrossCustomersJdbcAdapter}'s SQL (read from the general log, as
 * the adapter builds it) on 6,000 subscriptions of 200 customers, statistics analysed: every customer's subscriptions in
 * term-end order are a range of ix_subscription_term_end (V23) in the page's order, the renewals due a range of an index
 * in that order too, so a page reads about a page of rows whatever the volume; one customer's are read on its own index
 * (its few rows sorted). What the reads answer is SubscriptionsAcrossCustomersContract's.
 */
@MicronautTest(startApplication = false, transactional = false)
class SubscriptionsAcrossCustomersQueryPlansTest extends OnOrdersOfManyCustomers {

    /** A year after the orders (made over the 75 days before OrdersOfManyCustomers.END): where their first terms end. */
    private static final Instant TERMS_END = OrdersOfManyCustomers.END.atZone(ZoneOffset.UTC).plusYears(1).toInstant();

    @Inject
    SubscriptionsAcrossCustomers subscriptions;

    @BeforeAll
    void subscriptionsOfManyCustomers() {
        List<Object[]> orders = transactions.inTransaction(() -> JdbcRows.list(jdbc,
                "SELECT id, customer_tenant_id, created_at FROM customer_order", row -> new Object[]{row.getString(1),
                        row.getString(2), JdbcRows.instant(row, "created_at")}));
        Random random = new Random(22);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] order : orders) {
            Instant created = (Instant) order[2];
            Instant termEnd = created.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
            String status = random.nextInt(10) == 0 ? "cancelled" : "active";
            rows.add(new Object[]{UUID.randomUUID().toString(), order[1], order[0], 1, "WINDOWS_SERVER_SUBSCRIPTION", "P1Y", "HUF",
                    100, 27, 127, created, 1, created, termEnd, true, status});
        }
        transactions.inTransaction(() -> {
            JdbcRows.batch(jdbc, "INSERT INTO subscription (id, customer_tenant_id, order_id, line_item_number, kind,"
                    + " term_duration, currency, charge_net, charge_tax, charge_gross, created_at, term_number, term_start,"
                    + " term_end, auto_renew, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return null;
        });
        transactions.inTransaction(() -> JdbcRows.list(jdbc, "ANALYZE TABLE subscription", row -> row.getString(1)));
    }

    @Test
    void everyCustomersSubscriptionsInTermEndOrderReadTheTermEndIndexInOrder() {
        String first = sent(AcrossCustomersFilter.none(), Optional.empty());
        LoggedStatements.assertReads(plans(first), first, "s", "ix_subscription_term_end", false);
        String later = sent(AcrossCustomersFilter.none(), Optional.of(new Position(TERMS_END.minus(Duration.ofDays(40)), "8")));
        LoggedStatements.assertReads(plans(later), later, "s", "ix_subscription_term_end", false);
    }

    @Test
    void renewalsDueAreARangeOfAnIndexInTermEndOrder() {
        AcrossCustomersFilter due = new AcrossCustomersFilter(Optional.empty(), Optional.empty(), Optional.of("active"),
                Optional.of(TERMS_END.minus(Duration.ofDays(30))), Optional.of(TERMS_END.minus(Duration.ofDays(20))));
        String statement = sent(due, Optional.empty());
        List<LoggedStatements.Plan> plans = plans(statement);
        assertThat(plans.get(0).table()).as("%s\n%s", statement, plans).isEqualTo("s");
        assertThat(plans.get(0).key()).as("%s\n%s", statement, plans).isIn("ix_subscription_due", "ix_subscription_term_end");
        assertThat(plans.get(0).type()).as("%s\n%s", statement, plans).isEqualTo("range");
        assertThat(plans).as("%s\n%s", statement, plans).allSatisfy(p -> {
            assertThat(p.type()).isNotEqualTo("ALL");
            assertThat(p.extra()).doesNotContain("filesort").doesNotContain("temporary");
        });
    }

    @Test
    void oneCustomersSubscriptionsAreReadOnItsOwnIndex() {
        String tenant = customers.get(7);
        AcrossCustomersFilter ofOne = new AcrossCustomersFilter(Optional.of(tenant), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        String statement = sent(ofOne, Optional.empty());
        // About 30 rows of one customer, sorted by term end: bounded by the customer's own subscriptions, not the table's.
        LoggedStatements.assertReads(plans(statement), statement, "s", "ix_subscription_tenant_created", true);
    }

    /** The statement a page of 50 (51 read, to know of a next page) sends. */
    private String sent(AcrossCustomersFilter filter, Optional<Position> after) {
        List<String> statements = LoggedStatements.during(jdbc, transactions, "FROM subscription s",
                () -> subscriptions.page(filter, after, 51));
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    private List<LoggedStatements.Plan> plans(String statement) {
        return LoggedStatements.explain(jdbc, transactions, statement);
    }
}
