package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.LoggedStatements;
import com.cspdesk.adapters.persistence.testing.OnOrdersOfManyCustomers;
import com.cspdesk.adapters.persistence.testing.OrdersOfManyCustomers;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.contracts.SampleActivity;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads an order placement makes before its inserts, on MariaDB's plans with 200 customers and their chains: the
 * customer by id and the head of the customer's activity chain (locked, then moved on) are each one row found by
 * primary key, whatever the volume. The statements are the ones the adapters send (MariaDB's general log).
 */
@MicronautTest(startApplication = false, transactional = false)
class OrderPlacementQueryPlansTest extends OnOrdersOfManyCustomers {

    @Inject
    Customers customerLookup;
    @Inject
    ActivityLog activityLog;

    @BeforeAll
    void customersWithChains() {
        for (int i = 0; i < customers.size(); i++) {
            int n = i;
            transactions.inTransaction(() -> {
                activityLog.append(SampleActivity.entry(OrdersOfManyCustomers.END, "create_order", customers.get(n), "Customer " + n,
                        "order", n));
                return null;
            });
        }
        transactions.inTransaction(() -> com.cspdesk.adapters.persistence.shared.JdbcRows.list(jdbc,
                "ANALYZE TABLE customer, activity_chain_head, activity_record", row -> row.getString(1)));
    }

    @Test
    void theCustomerIsReadByPrimaryKey() {
        String tenant = customers.get(17);
        List<String> sent = LoggedStatements.during(jdbc, transactions, tenant, () -> assertThat(customerLookup.byTenantId(tenant)).isPresent());
        List<String> reads = sent.stream().filter(s -> s.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")).toList();
        assertThat(reads).as(String.valueOf(sent)).hasSize(1);
        assertOneRowByPrimaryKey(reads.get(0), "customer");
    }

    @Test
    void theChainHeadIsLockedAndMovedOnByPrimaryKey() {
        String tenant = customers.get(42);
        List<String> sent = LoggedStatements.during(jdbc, transactions, tenant, () -> transactions.inTransaction(() -> {
            activityLog.append(SampleActivity.entry(OrdersOfManyCustomers.END.plusSeconds(1), "create_order", tenant, "Customer 42",
                    "order", 4242));
            return null;
        }));
        List<String> headReadsAndMoves = sent.stream().filter(s -> s.contains("activity_chain_head"))
                .filter(s -> s.stripLeading().toUpperCase(Locale.ROOT).matches("^(SELECT|UPDATE)[\\s\\S]*")).toList();
        assertThat(headReadsAndMoves).as(String.valueOf(sent)).hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("FOR UPDATE")).anySatisfy(s -> assertThat(s).startsWith("UPDATE"));
        headReadsAndMoves.forEach(s -> assertOneRowByPrimaryKey(s, "activity_chain_head"));
    }

    private void assertOneRowByPrimaryKey(String statement, String table) {
        List<LoggedStatements.Plan> plans = LoggedStatements.explain(jdbc, transactions, statement);
        assertThat(plans).as(statement).hasSize(1);
        LoggedStatements.Plan plan = plans.get(0);
        assertThat(plan.table()).as("%s\n%s", statement, plan).isEqualTo(table);
        assertThat(plan.key()).as("%s\n%s", statement, plan).isEqualTo("PRIMARY");
        assertThat(plan.type()).as("%s\n%s", statement, plan).isIn("const", "eq_ref", "range");
        assertThat(plan.extra()).as("%s\n%s", statement, plan).doesNotContain("filesort");
    }
}
