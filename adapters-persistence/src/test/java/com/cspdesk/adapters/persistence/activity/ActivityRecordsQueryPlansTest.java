package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.activity.ActivityRecordsJdbcAdapter.Sql;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.activity.port.out.ActivityRecords.Criteria;
import com.cspdesk.application.activity.port.out.ActivityRecords.Cursor;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MariaDB's optimizer does with the reading SQL on a year of activity (20 000 rows, statistics
 * analysed): every statement reads an index, pages come in index order (no filesort), and an
 * equals filter reads its field's (key, operation_date, id) index. Rows are inserted with plain SQL
 * (the plans do not depend on the hashes; the behaviour is tested in ActivityRecordsJdbcAdapterTest).
 */
@MicronautTest(startApplication = false, transactional = false)
class ActivityRecordsQueryPlansTest extends OnMariaDb {

    private static final Instant END = Instant.parse("2026-06-30T00:00:00Z");
    private static final int ROWS = 20_000;
    private static final String[] RESOURCE_TYPES = {"order", "software_key", "software_download_link", "credit",
            "customer", "service_request"};
    private static final String[] OPERATION_TYPES = {"create_order", "cancel_order", "get_software_key",
            "get_software_download_link", "download_software", "create_service_request", "issue_credit",
            "create_customer", "update_order"};
    private static final Map<String, String> INDEX_OF_FIELD = Map.of(
            "customerId", "ix_activity_record_customer_id_key",
            "companyName", "ix_activity_record_customer_name_key",
            "resourceKind", "ix_activity_record_resource_type_key",
            "operationKind", "ix_activity_record_operation_type_key");

    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    private final List<String> customers = new ArrayList<>();

    @BeforeAll
    void aYearOfActivity() {
        Random random = new Random(42);
        for (int c = 0; c < 300; c++) {
            customers.add(UUID.randomUUID().toString());
        }
        Map<String, Long> sequences = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            boolean partner = random.nextInt(10) == 0;
            int c = random.nextInt(customers.size());
            String customer = partner ? null : customers.get(c);
            String chain = partner ? "partner" : customer;
            long sequence = sequences.merge(chain, 1L, Long::sum);
            Instant at = END.minus(Duration.ofSeconds(random.nextInt(365 * 24 * 3600))).plusNanos(random.nextInt(1_000_000) * 1_000L);
            rows.add(new Object[]{UUID.randomUUID().toString(), chain, sequence, "0".repeat(64), "1".repeat(64), at,
                    OPERATION_TYPES[random.nextInt(OPERATION_TYPES.length)], "succeeded", "admin.agent@partner.demo", null,
                    customer, partner ? null : "Customer " + c + " Kft.", RESOURCE_TYPES[random.nextInt(RESOURCE_TYPES.length)],
                    "resource-" + i, "[]"});
        }
        transactions.inTransaction(() -> {
            JdbcRows.batch(jdbc, "INSERT INTO activity_record (id, chain_key, chain_seq, previous_hash, hash, operation_date,"
                    + " operation_type, operation_status, user_principal_name, application_id, customer_id, customer_name,"
                    + " resource_type, resource_id, customized_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return null;
        });
        transactions.inTransaction(() -> JdbcRows.list(jdbc, "ANALYZE TABLE activity_record", row -> row.getString(1)));
    }

    @Test
    void withoutAFilterPagesReadTheDateIndexInOrder() {
        Criteria last90Days = criteria(Optional.empty(), Optional.empty(), false);
        for (Optional<Cursor> after : cursors()) {
            assertReadsInOrder(ActivityRecordsJdbcAdapter.pageSql(last90Days, after, 51), "ix_activity_record_date");
            assertReadsInOrder(ActivityRecordsJdbcAdapter.ascendingSql(last90Days, after, 1000), "ix_activity_record_date");
        }
        assertThat(plan(ActivityRecordsJdbcAdapter.countSql(last90Days)))
                .satisfies(p -> assertThat(p.key()).isEqualTo("ix_activity_record_date"))
                .satisfies(p -> assertThat(p.extra()).contains("Using index"));
    }

    @Test
    void anEqualsFilterReadsItsFieldsIndexInOrder() {
        Map<String, String> values = Map.of("customerId", customers.get(7).toUpperCase(java.util.Locale.ROOT),
                "companyName", "customer 7 KFT.", "resourceKind", "Software_Key", "operationKind", "get_software_key");
        values.forEach((field, value) -> {
            Criteria equals = criteria(Optional.of(field), Optional.of(value), false);
            String index = INDEX_OF_FIELD.get(field);
            for (Optional<Cursor> after : cursors()) {
                assertReadsInOrder(ActivityRecordsJdbcAdapter.pageSql(equals, after, 51), index);
                assertReadsInOrder(ActivityRecordsJdbcAdapter.ascendingSql(equals, after, 1000), index);
            }
            Plan count = plan(ActivityRecordsJdbcAdapter.countSql(equals));
            assertThat(count.key()).as(field).isEqualTo(index);
            assertThat(count.extra()).as(field).contains("Using index");
        });
    }

    /**
     * LIKE '%…%' cannot seek: pages walk the date range on ix_activity_record_date (in order, so a page
     * stops after its rows); a count may instead read the narrow key index from end to end (covering,
     * no row lookups) when that is cheaper than the date range, as it is on this year of data.
     */
    @Test
    void aSubstringFilterScansAnIndexNeverTheTable() {
        Map<String, String> values = Map.of("customerId", customers.get(7).substring(9, 18),
                "companyName", "MER 7", "resourceKind", "KEY", "operationKind", "software");
        values.forEach((field, value) -> {
            Criteria substring = criteria(Optional.of(field), Optional.of(value), true);
            for (Optional<Cursor> after : cursors()) {
                for (Sql sql : List.of(ActivityRecordsJdbcAdapter.pageSql(substring, after, 51),
                        ActivityRecordsJdbcAdapter.ascendingSql(substring, after, 1000))) {
                    Plan plan = plan(sql);
                    assertThat(plan.type()).as("%s: %s", field, plan).isNotEqualTo("ALL");
                    assertThat(plan.key()).as("%s: %s", field, plan).isNotNull();
                    assertThat(plan.extra()).as("%s: %s", field, plan).doesNotContain("filesort");
                }
            }
            Plan count = plan(ActivityRecordsJdbcAdapter.countSql(substring));
            assertThat(count.type()).as("%s: %s", field, count).isNotEqualTo("ALL");
            assertThat(count.key()).as("%s: %s", field, count).isNotNull();
        });
    }

    /**
     * A Partner Center type naming several of our kinds ({@code undefined}: a credit, a download, a
     * support request, …) pages as one read per kind, each on the kind's index in order and stopping
     * at the page's size; only their merge (at most kinds × size rows) is sorted. Its count reads the
     * index alone.
     */
    @Test
    void anEqualsFilterOnSeveralKindsReadsTheIndexInOrderOncePerKind() {
        List<String> kinds = List.of("issue_credit", "download_software", "create_service_request");
        Criteria several = new Criteria(END.minus(Duration.ofDays(90)), END, Optional.of("operationKind"), kinds, false);
        for (Optional<Cursor> after : cursors()) {
            for (Sql sql : List.of(ActivityRecordsJdbcAdapter.pageSql(several, after, 51),
                    ActivityRecordsJdbcAdapter.ascendingSql(several, after, 1000))) {
                List<Plan> reads = plans(sql).stream().filter(p -> "activity_record".equals(p.table())).toList();
                assertThat(reads).as(sql.text()).hasSize(kinds.size()).allSatisfy(p -> {
                    assertThat(p.key()).as("%s\n%s", sql.text(), p).isEqualTo("ix_activity_record_operation_type_key");
                    assertThat(p.type()).as("%s\n%s", sql.text(), p).isIn("range", "ref");
                    assertThat(p.extra()).as("%s\n%s", sql.text(), p).doesNotContain("filesort");
                });
            }
        }
        Plan count = plan(ActivityRecordsJdbcAdapter.countSql(several));
        assertThat(count.key()).as(count.toString()).isEqualTo("ix_activity_record_operation_type_key");
        assertThat(count.extra()).as(count.toString()).contains("Using index");
    }

    @Test
    void chainsAreReadOnTheChainIndex() {
        Plan keys = plan(new Sql(ActivityRecordsJdbcAdapter.CHAIN_KEYS));
        assertThat(keys.key()).as(keys.toString()).isEqualTo("ux_activity_record_chain");
        assertThat(keys.extra()).as(keys.toString()).contains("Using index").doesNotContain("filesort");
        Plan heads = plan(new Sql(ActivityRecordsJdbcAdapter.HEAD_KEYS));
        assertThat(heads.key()).as(heads.toString()).isEqualTo("PRIMARY");
        assertThat(heads.extra()).as(heads.toString()).doesNotContain("filesort");
        assertReadsInOrder(new Sql(ActivityRecordsJdbcAdapter.CHAIN, customers.get(3), 0L, 1000), "ux_activity_record_chain");
        assertReadsInOrder(new Sql(ActivityRecordsJdbcAdapter.CHAIN, "partner", 1000L, 1000), "ux_activity_record_chain");
    }

    private static List<Optional<Cursor>> cursors() {
        return List.of(Optional.empty(), Optional.of(new Cursor(END.minus(Duration.ofDays(45)), "8")));
    }

    private static Criteria criteria(Optional<String> field, Optional<String> value, boolean substring) {
        return new Criteria(END.minus(Duration.ofDays(90)), END, field, value, substring);
    }

    private void assertReadsInOrder(Sql sql, String index) {
        Plan plan = plan(sql);
        assertThat(plan.key()).as("%s\n%s", sql.text(), plan).isEqualTo(index);
        assertThat(plan.type()).as("%s\n%s", sql.text(), plan).isIn("range", "ref");
        assertThat(plan.extra()).as("%s\n%s", sql.text(), plan).doesNotContain("filesort");
    }

    private Plan plan(Sql sql) {
        List<Plan> plans = plans(sql);
        assertThat(plans).hasSize(1);
        return plans.get(0);
    }

    private List<Plan> plans(Sql sql) {
        return transactions.inTransaction(() -> JdbcRows.list(jdbc, "EXPLAIN " + sql.text(),
                row -> new Plan(row.getString("table"), row.getString("type"), row.getString("key"), row.getLong("rows"),
                        String.valueOf(row.getString("Extra"))), sql.parameters()));
    }

    private record Plan(String table, String type, String key, long rows, String extra) {
    }
}
