package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.domain.identity.FailedSignIns;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The failed sign-ins by key; one unit of work at a time, so a count never loses an increment. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySignInFailures implements SignInFailures {

    /** Read and changed only inside the store's units of work. */
    private final Map<Key, FailedSignIns> byKey = new HashMap<>();
    private final MemoryTransactions transactions;

    MemorySignInFailures(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<FailedSignIns> of(Key key) {
        return transactions.read(() -> Optional.ofNullable(byKey.get(key)));
    }

    @Override
    public FailedSignIns recordFailure(Key key, Instant at, Instant forgetBefore) {
        return transactions.inTransaction(() -> {
            FailedSignIns before = byKey.get(key);
            int count = before == null || !before.lastFailure().isAfter(forgetBefore) ? 1 : before.count() + 1;
            FailedSignIns now = new FailedSignIns(count, at);
            return transactions.change(() -> {
                byKey.put(key, now);
                return now;
            }, () -> restore(key, before));
        });
    }

    @Override
    public void clear(Key key) {
        transactions.inTransaction(() -> {
            FailedSignIns before = byKey.get(key);
            return before != null && transactions.change(() -> byKey.remove(key) != null, () -> restore(key, before));
        });
    }

    private void restore(Key key, FailedSignIns before) {
        if (before == null) {
            byKey.remove(key);
        } else {
            byKey.put(key, before);
        }
    }
}
