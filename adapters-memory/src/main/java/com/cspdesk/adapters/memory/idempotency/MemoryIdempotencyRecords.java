package com.cspdesk.adapters.memory.idempotency;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kept first answers by (scope, key). A claim is a change of the caller's unit of work, so it
 * goes when that unit fails; a twin's claim cannot run while the first unit is open (units run one
 * at a time), so it sees the committed claim, or none when the first unit failed.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryIdempotencyRecords implements IdempotencyRecords {

    private record Key(String scope, String key) {
    }

    private final MemoryTransactions transactions;
    private final Map<Key, Kept> kept = new HashMap<>();

    MemoryIdempotencyRecords(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean claim(IdempotentRequest request, Instant at) {
        Key key = new Key(request.scope(), request.key());
        return transactions.inTransaction(() -> !kept.containsKey(key) && transactions.change(() -> {
            kept.put(key, new Kept(request.fingerprint(), at, Optional.empty()));
            return true;
        }, () -> kept.remove(key)));
    }

    @Override
    public Optional<Kept> find(String scope, String key) {
        return transactions.read(() -> Optional.ofNullable(kept.get(new Key(scope, key))));
    }

    @Override
    public void complete(String scope, String key, KeptAnswer answer) {
        Key id = new Key(scope, key);
        transactions.inTransaction(() -> {
            Kept claimed = kept.get(id);
            // As an UPDATE of no row: completing a key nobody claimed changes nothing.
            if (claimed == null) {
                return null;
            }
            return transactions.change(() -> kept.put(id, new Kept(claimed.fingerprint(), claimed.createdAt(),
                    Optional.of(answer))), () -> kept.put(id, claimed));
        });
    }

    @Override
    public void release(String scope, String key) {
        Key id = new Key(scope, key);
        transactions.inTransaction(() -> {
            Kept claimed = kept.get(id);
            if (claimed == null) {
                return null;
            }
            return transactions.change(() -> kept.remove(id), () -> kept.put(id, claimed));
        });
    }

    @Override
    public int forgetOlderThan(Instant before) {
        return transactions.inTransaction(() -> {
            Map<Key, Kept> old = new HashMap<>();
            kept.forEach((key, record) -> {
                if (record.createdAt().isBefore(before)) {
                    old.put(key, record);
                }
            });
            List<Key> keys = List.copyOf(old.keySet());
            return transactions.change(() -> {
                keys.forEach(kept::remove);
                return keys.size();
            }, () -> kept.putAll(old));
        });
    }
}
