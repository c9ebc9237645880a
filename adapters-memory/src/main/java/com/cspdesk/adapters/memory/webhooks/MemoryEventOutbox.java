package com.cspdesk.adapters.memory.webhooks;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
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
    /** Events by id, in append order. */
    private final Map<String, StoredEvent> events = new LinkedHashMap<>();
    private final Map<String, Long> lastSequences = new HashMap<>();

    MemoryEventOutbox(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long append(NewEvent event) {
        String key = event.change().orderingKey();
        return transactions.inTransaction(() -> {
            Long before = lastSequences.get(key);
            long sequence = before == null ? 1 : before + 1;
            if (events.containsKey(event.id())) {
                throw new IllegalStateException("an outbox event with id " + event.id() + " is stored already");
            }
            return transactions.change(() -> {
                lastSequences.put(key, sequence);
                events.put(event.id(), new StoredEvent(event.id(), event.change(), sequence));
                return sequence;
            }, () -> {
                events.remove(event.id());
                if (before == null) {
                    lastSequences.remove(key);
                } else {
                    lastSequences.put(key, before);
                }
            });
        });
    }

    @Override
    public List<StoredEvent> ofOrderingKey(String orderingKey) {
        return transactions.read(() -> events.values().stream().filter(e -> e.change().orderingKey().equals(orderingKey))
                .sorted(Comparator.comparingLong(StoredEvent::sequence)).toList());
    }

    /** Forgets up to {@code limit} events from before {@code before} whose id is not {@code needed}: how many. */
    int forgetBefore(Instant before, Set<String> needed, int limit) {
        return transactions.inTransaction(() -> {
            List<StoredEvent> gone = events.values().stream()
                    .filter(e -> e.change().changedAt().isBefore(before) && !needed.contains(e.id()))
                    .limit(limit).toList();
            // Put back at their old places should the unit fail.
            Map<String, StoredEvent> kept = new LinkedHashMap<>(events);
            return transactions.change(() -> {
                gone.forEach(e -> events.remove(e.id()));
                return gone.size();
            }, () -> {
                events.clear();
                events.putAll(kept);
            });
        });
    }

    /** The event of that id (the deliveries' view of what they deliver). */
    Optional<StoredEvent> find(String id) {
        return transactions.read(() -> Optional.ofNullable(events.get(id)));
    }
}
