package com.cspdesk.adapters.memory.webhooks;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox inside the caller's unit of work: units run one at a time, so the append order is the
 * commit order, and a unit that fails takes its events and its keys' sequences back.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryEventOutbox implements EventOutbox {

    private final MemoryTransactions transactions;
    /** Undelivered events by id, in append order. */
    private final Map<String, PendingEvent> pending = new LinkedHashMap<>();
    private final Map<String, Long> lastSequences = new HashMap<>();

    MemoryEventOutbox(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(NewEvent event) {
        String key = event.change().orderingKey();
        transactions.inTransaction(() -> {
            Long before = lastSequences.get(key);
            long sequence = before == null ? 1 : before + 1;
            if (pending.containsKey(event.id())) {
                throw new IllegalStateException("an outbox event with id " + event.id() + " is stored already");
            }
            return transactions.change(() -> {
                lastSequences.put(key, sequence);
                return pending.put(event.id(), new PendingEvent(event.id(), event.change(), sequence));
            }, () -> {
                pending.remove(event.id());
                if (before == null) {
                    lastSequences.remove(key);
                } else {
                    lastSequences.put(key, before);
                }
            });
        });
    }

    @Override
    public List<PendingEvent> oldestUndelivered(int limit) {
        return transactions.read(() -> new ArrayList<>(pending.values()).subList(0, Math.min(limit, pending.size())));
    }

    @Override
    public boolean markDelivered(String eventId, Instant deliveredAt) {
        return transactions.inTransaction(() -> {
            PendingEvent event = pending.get(eventId);
            if (event == null) {
                return false;
            }
            // Re-inserted at its old place should the unit fail.
            Map<String, PendingEvent> before = new LinkedHashMap<>(pending);
            return transactions.change(() -> pending.remove(eventId) != null, () -> {
                pending.clear();
                pending.putAll(before);
            });
        });
    }
}
