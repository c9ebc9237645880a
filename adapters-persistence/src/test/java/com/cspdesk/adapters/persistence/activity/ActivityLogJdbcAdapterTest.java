package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.BrokenLink;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false, transactional = false)
class ActivityLogJdbcAdapterTest extends OnMariaDb {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Inject
    ActivityLog log;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;
    @Inject
    JsonMapper json;

    @Test
    void appendsChainPerCustomerAndOneForThePartnerThatVerify() {
        String contoso = UUID.randomUUID().toString();
        String fabrikam = UUID.randomUUID().toString();
        List<ActivityEntry> contosoEntries = new ArrayList<>();
        List<ActivityEntry> fabrikamEntries = new ArrayList<>();
        List<ActivityEntry> partnerEntries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contosoEntries.add(entry(contoso, "Contoso Kft.", "get_software_key", i));
            fabrikamEntries.add(entry(fabrikam, "Fabrikam AB", "create_order", i));
            partnerEntries.add(entry(null, null, "create_customer", i));
        }
        for (int i = 0; i < 4; i++) {
            int n = i;
            // Some appends join a caller's transaction, some bring their own.
            if (i % 2 == 0) {
                transactions.inTransaction(() -> {
                    log.append(contosoEntries.get(n));
                    log.append(partnerEntries.get(n));
                    return null;
                });
            } else {
                log.append(contosoEntries.get(n));
                log.append(partnerEntries.get(n));
            }
            log.append(fabrikamEntries.get(n));
        }

        assertChain(contoso, contosoEntries);
        assertChain(fabrikam, fabrikamEntries);
        assertChain(ActivityChain.PARTNER_CHAIN, partnerEntries);
        assertThat(chain(ActivityChain.PARTNER_CHAIN)).allSatisfy(e -> assertThat(e.entry().customerId()).isNull());
    }

    @Test
    void customizedDataKeepsItsOrderNullsEmptiesAndAwkwardCharacters() {
        String tenant = UUID.randomUUID().toString();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("zeta", "last letter first");
        data.put("alpha", "quote \" backslash \\ newline \n tab \t bell \u0007");
        data.put("ünïcödé", "árvíztűrő tükörfúrógép ✓ 😀");
        data.put("empty", "");
        data.put("missing", null);
        ActivityEntry entry = new ActivityEntry(AT, "update_order", ActivityEntry.SUCCEEDED, "admin.agent@partner.demo",
                "", tenant, "Contoso", "order", "o-1", data);

        log.append(entry);

        ChainedEntry stored = chain(tenant).get(0);
        assertThat(stored.entry()).isEqualTo(entry);
        assertThat(new ArrayList<>(stored.entry().customizedData().entrySet()))
                .containsExactlyElementsOf(new ArrayList<>(data.entrySet()));
        assertThat(stored.entry().applicationId()).isEmpty();
        assertThat(ActivityChain.firstBrokenLink(List.of(stored))).isEmpty();
    }

    @Test
    void anAppendThatRollsBackLeavesNoGap() {
        String tenant = UUID.randomUUID().toString();
        log.append(entry(tenant, "Contoso", "create_order", 1));
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            log.append(entry(tenant, "Contoso", "cancel_order", 2));
            throw new IllegalStateException("the cancellation failed");
        })).isInstanceOf(IllegalStateException.class);
        log.append(entry(tenant, "Contoso", "get_software_key", 3));

        List<ChainedEntry> chain = chain(tenant);
        assertThat(chain).extracting(e -> e.entry().operationType()).containsExactly("create_order", "get_software_key");
        assertThat(chain).extracting(ChainedEntry::sequence).containsExactly(1L, 2L);
        assertThat(ActivityChain.firstBrokenLink(chain)).isEmpty();
    }

    @Test
    void concurrentAppendsToOneChainGetConsecutiveSequencesAndAValidChain() throws Exception {
        String tenant = UUID.randomUUID().toString();
        int threads = 8;
        int perThread = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ActivityEntry entry = entry(tenant, "Contoso", "download_software", thread * 100 + i);
                        transactions.inTransaction(() -> {
                            log.append(entry);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            start.countDown(); // the chain's head does not exist yet: its creation races too
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ChainedEntry> chain = chain(tenant);
        assertThat(chain).extracting(ChainedEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        assertThat(ActivityChain.firstBrokenLink(chain)).isEmpty();
        long head = transactions.inTransaction(() -> JdbcRows.count(jdbc,
                "SELECT last_seq FROM activity_chain_head WHERE chain_key = ?", tenant));
        assertThat(head).isEqualTo(threads * perThread);
    }

    @Test
    void anEditedRowIsExactlyTheOneVerificationReports() {
        String tenant = UUID.randomUUID().toString();
        for (int i = 1; i <= 5; i++) {
            log.append(entry(tenant, "Contoso", "get_software_download_link", i));
        }
        ChainedEntry third = chain(tenant).get(2);

        int changed = transactions.inTransaction(() -> JdbcRows.update(jdbc,
                "UPDATE activity_record SET user_principal_name = ? WHERE id = ?", "someone.else@partner.demo", third.id()));
        assertThat(changed).isEqualTo(1);

        List<ChainedEntry> chain = chain(tenant);
        assertThat(ActivityChain.firstBrokenLink(chain))
                .contains(new BrokenLink(third.id(), 3, "content_changed"));
        // Each row checked on its own: only the edited one no longer matches its hash.
        assertThat(chain.stream()
                .filter(e -> !ActivityChain.hash(e.previousHash(), e.sequence(), e.entry()).equals(e.hash()))
                .map(ChainedEntry::id)).containsExactly(third.id());
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheGap() {
        String tenant = UUID.randomUUID().toString();
        for (int i = 1; i <= 3; i++) {
            log.append(entry(tenant, "Contoso", "get_software_key", i));
        }
        ChainedEntry second = chain(tenant).get(1);
        transactions.inTransaction(() -> JdbcRows.update(jdbc, "DELETE FROM activity_record WHERE id = ?", second.id()));

        Optional<BrokenLink> broken = ActivityChain.firstBrokenLink(chain(tenant));
        assertThat(broken).map(BrokenLink::reason).contains("sequence_gap");
        assertThat(broken).map(BrokenLink::sequence).contains(3L);
    }

    private void assertChain(String chainKey, List<ActivityEntry> appended) {
        List<ChainedEntry> chain = chain(chainKey);
        assertThat(chain).extracting(ChainedEntry::entry).containsExactlyElementsOf(appended);
        assertThat(chain).extracting(ChainedEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appended.size()).boxed().toList());
        assertThat(chain.get(0).previousHash()).isEqualTo(ActivityChain.GENESIS);
        assertThat(ActivityChain.firstBrokenLink(chain)).isEmpty();
    }

    /** One chain read back with plain SQL, in sequence order. */
    private List<ChainedEntry> chain(String chainKey) {
        return transactions.inTransaction(() -> JdbcRows.list(jdbc,
                "SELECT id, chain_seq, previous_hash, hash, operation_date, operation_type, operation_status,"
                        + " user_principal_name, application_id, customer_id, customer_name, resource_type, resource_id,"
                        + " customized_data FROM activity_record WHERE chain_key = ? ORDER BY chain_seq",
                this::chained, chainKey));
    }

    private ChainedEntry chained(ResultSet row) throws SQLException {
        ActivityEntry entry = new ActivityEntry(JdbcRows.instant(row, "operation_date"), row.getString("operation_type"),
                row.getString("operation_status"), row.getString("user_principal_name"), row.getString("application_id"),
                row.getString("customer_id"), row.getString("customer_name"), row.getString("resource_type"),
                row.getString("resource_id"), customizedData(row.getString("customized_data")));
        return new ChainedEntry(row.getString("id"), row.getLong("chain_seq"), row.getString("previous_hash"),
                row.getString("hash"), entry);
    }

    private Map<String, String> customizedData(String text) {
        try {
            List<Map<String, String>> items = json.readValue(text, Argument.listOf(Argument.mapOf(String.class, String.class)));
            Map<String, String> data = new LinkedHashMap<>();
            items.forEach(item -> data.put(item.get("key"), item.get("value")));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ActivityEntry entry(String customerId, String customerName, String operation, int n) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("version", "2022");
        data.put("language", "hu-HU");
        data.put("n", Integer.toString(n));
        return new ActivityEntry(AT.plusSeconds(n).plusNanos(n * 1_000L), operation, ActivityEntry.SUCCEEDED,
                "admin.agent@partner.demo", null, customerId, customerName,
                operation.startsWith("create_c") ? "customer" : "software_key", "resource-" + n, data);
    }
}
