package com.cspdesk.adapters.persistence.webhooks;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MariaDB does with the delivery's candidate query on a backlog (10 000 pending deliveries behind
 * 20 000 delivered ones, statistics analysed): it walks the due index in due order, with no sort, so a
 * claim costs the candidates it needs and not the backlog (the benchmark drained at ~40/s before V17).
 */
@MicronautTest(startApplication = false, transactional = false)
class WebhookDeliveriesQueryPlansTest extends OnMariaDb {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    private final String registration = UUID.randomUUID().toString();

    @BeforeAll
    void aBacklog() {
        transactions.inTransaction(() -> {
            JdbcRows.update(jdbc, "DELETE FROM webhook_registration");
            JdbcRows.update(jdbc, "INSERT INTO webhook_registration (slot, id, url, events, sealed_secret, created_at, created_by,"
                    + " updated_at) VALUES (1, ?, 'https://hooks.example.com/in', 'order-created', 'sealed', ?, 'a', ?)",
                    registration, Timestamp.from(T), Timestamp.from(T));
            List<Object[]> events = new ArrayList<>();
            List<Object[]> deliveries = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                String id = "msg_" + i + "_" + UUID.randomUUID().toString().substring(0, 8);
                String key = "/v1/customers/c/orders/" + i;
                events.add(new Object[]{id, key, 1, "order-created", key, "Order", null, Timestamp.from(T)});
                boolean pending = i >= 20_000;
                deliveries.add(new Object[]{registration, id, key, 1, pending ? "pending" : "delivered", pending ? 0 : 1,
                        pending ? Timestamp.from(T.plusMillis(i)) : null});
            }
            JdbcRows.batch(jdbc, "INSERT INTO webhook_event (id, ordering_key, ordering_seq, event_name, resource_uri,"
                    + " resource_name, audit_uri, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events);
            JdbcRows.batch(jdbc, "INSERT INTO webhook_delivery (registration_id, event_id, ordering_key, ordering_seq, status,"
                    + " attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)", deliveries);
            return null;
        });
        transactions.inTransaction(() -> JdbcRows.list(jdbc, "ANALYZE TABLE webhook_delivery", row -> row.getString(1)));
    }

    @Test
    void theCandidatesAreReadInDueOrderFromTheDueIndexWithoutASort() {
        List<Plan> plans = transactions.inTransaction(() -> JdbcRows.list(jdbc, "EXPLAIN " + WebhookDeliveriesJdbcAdapter.CANDIDATES_DUE,
                row -> new Plan(row.getString("table"), row.getString("key"), String.valueOf(row.getString("Extra"))),
                registration, "pending", Timestamp.from(T.plusSeconds(3600)), "pending"));

        Plan outer = plans.stream().filter(p -> p.table().equals("d")).findFirst().orElseThrow();
        assertThat(outer.key()).as(plans.toString()).isEqualTo("ix_webhook_delivery_due");
        assertThat(plans).as(plans.toString()).allSatisfy(p -> assertThat(p.extra()).doesNotContain("filesort"));
        Plan earlier = plans.stream().filter(p -> p.table().equals("p")).findFirst().orElseThrow();
        assertThat(earlier.key()).as(plans.toString()).isEqualTo("ix_webhook_delivery_key");
    }

    private record Plan(String table, String key, String extra) {
    }
}
