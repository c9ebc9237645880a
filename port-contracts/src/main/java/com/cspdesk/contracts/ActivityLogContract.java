package com.cspdesk.contracts;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ActivityLog} must do: append to its customer's hash chain (or the partner's)
 * inside the caller's unit of work, with consecutive sequences also under concurrent appends, so the
 * chain read back through {@link ActivityRecords} verifies. Each test uses chains of its own.
 */
public abstract class ActivityLogContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

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
                inTransaction(() -> {
                    port(ActivityLog.class).append(contosoEntries.get(n));
                    port(ActivityLog.class).append(partnerEntries.get(n));
                    return null;
                });
            } else {
                port(ActivityLog.class).append(contosoEntries.get(n));
                port(ActivityLog.class).append(partnerEntries.get(n));
            }
            port(ActivityLog.class).append(fabrikamEntries.get(n));
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

        port(ActivityLog.class).append(entry);

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
        port(ActivityLog.class).append(entry(tenant, "Contoso", "create_order", 1));
        assertThatThrownBy(() -> inTransaction(() -> {
            port(ActivityLog.class).append(entry(tenant, "Contoso", "cancel_order", 2));
            throw new IllegalStateException("the cancellation failed");
        })).isInstanceOf(IllegalStateException.class);
        port(ActivityLog.class).append(entry(tenant, "Contoso", "get_software_key", 3));

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
                        inTransaction(() -> {
                            port(ActivityLog.class).append(entry);
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
        ActivityChain.Head head = port(ActivityRecords.class).head(tenant).orElseThrow();
        assertThat(head.lastSequence()).isEqualTo(threads * perThread);
        assertThat(head.lastHash()).isEqualTo(chain.get(chain.size() - 1).hash());
    }

    private void assertChain(String chainKey, List<ActivityEntry> appended) {
        List<ChainedEntry> chain = chain(chainKey);
        assertThat(chain).extracting(ChainedEntry::entry).containsExactlyElementsOf(appended);
        assertThat(chain).extracting(ChainedEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appended.size()).boxed().toList());
        assertThat(chain.get(0).previousHash()).isEqualTo(ActivityChain.GENESIS);
        assertThat(ActivityChain.firstBrokenLink(chain)).isEmpty();
    }

    /** One chain read back through the records port, in sequence order. */
    private List<ChainedEntry> chain(String chainKey) {
        return port(ActivityRecords.class).chain(chainKey, 0, 10_000);
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
