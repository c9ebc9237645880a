package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.activity.port.out.ActivityRecords.Cursor;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityChain.ChainedEntry;
import com.cspdesk.domain.activity.ActivityChain.Head;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The activity log's state, written by {@link MemoryActivityLog} and read by
 * {@link MemoryActivityRecords}: each chain's records in sequence order with its head, and every
 * record by (operation date, id) for the date-range pages. Touched only inside units of work.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class ActivityBook {

    static final Comparator<Cursor> OLDEST_FIRST = Comparator.comparing(Cursor::operationDate)
            .thenComparing(Cursor::id);

    final MemoryTransactions transactions;
    final Map<String, Head> heads = new HashMap<>();
    final Map<String, List<ChainedEntry>> chains = new HashMap<>();
    final NavigableMap<Cursor, ChainedEntry> byDate = new TreeMap<>(OLDEST_FIRST);

    ActivityBook(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** Chains the entry to its chain's head: the next sequence, the hash over the previous one. */
    void append(ActivityEntry entry) {
        String chainKey = entry.chainKey();
        transactions.inTransaction(() -> {
            Head before = heads.get(chainKey);
            Head previous = before == null ? new Head(0, ActivityChain.GENESIS) : before;
            long sequence = previous.lastSequence() + 1;
            ChainedEntry chained = new ChainedEntry(UUID.randomUUID().toString(), sequence, previous.lastHash(),
                    ActivityChain.hash(previous.lastHash(), sequence, entry), entry);
            return transactions.change(() -> {
                heads.put(chainKey, new Head(sequence, chained.hash()));
                chains.computeIfAbsent(chainKey, key -> new ArrayList<>()).add(chained);
                return byDate.put(positionOf(chained), chained);
            }, () -> {
                if (before == null) {
                    heads.remove(chainKey);
                } else {
                    heads.put(chainKey, before);
                }
                chains.get(chainKey).remove(chained);
                byDate.remove(positionOf(chained));
            });
        });
    }

    /**
     * Replaces a stored record's entry without touching its hash, as an edit of the store behind the
     * log's back would: for the tests that show verification finds it.
     */
    void overwrite(String recordId, ActivityEntry edited) {
        transactions.inTransaction(() -> {
            ChainedEntry stored = find(recordId);
            ChainedEntry changed = new ChainedEntry(stored.id(), stored.sequence(), stored.previousHash(), stored.hash(),
                    edited);
            List<ChainedEntry> chain = chains.get(stored.entry().chainKey());
            chain.set(chain.indexOf(stored), changed);
            byDate.remove(positionOf(stored));
            return byDate.put(positionOf(changed), changed);
        });
    }

    /** Deletes a stored record, chain head untouched, as a deletion behind the log's back would: for tests. */
    void delete(String recordId) {
        transactions.inTransaction(() -> {
            ChainedEntry stored = find(recordId);
            chains.get(stored.entry().chainKey()).remove(stored);
            return byDate.remove(positionOf(stored));
        });
    }

    static Cursor positionOf(ChainedEntry chained) {
        return new Cursor(chained.entry().operationDate(), chained.id());
    }

    private ChainedEntry find(String recordId) {
        return byDate.values().stream().filter(e -> e.id().equals(recordId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no activity record " + recordId));
    }
}
