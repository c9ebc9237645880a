package com.cspdesk.adapters.memory.subscriptions;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.subscriptions.port.out.TermCharges;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Renewed terms' charges in memory, once per line and term. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public final class MemoryTermCharges implements TermCharges {

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final List<TermCharge> charges = new ArrayList<>();

    MemoryTermCharges(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void charge(TermCharge charge) {
        transactions.inTransaction(() -> {
            if (charges.stream().anyMatch(c -> c.orderId().equals(charge.orderId())
                    && c.lineItemNumber() == charge.lineItemNumber() && c.termNumber() == charge.termNumber())) {
                throw new IllegalStateException("term " + charge.termNumber() + " of " + charge.orderId() + "/"
                        + charge.lineItemNumber() + " is charged already");
            }
            return transactions.change(() -> charges.add(charge), () -> charges.remove(charges.size() - 1));
        });
    }

    /** Every charge made, oldest first. */
    public List<TermCharge> all() {
        return transactions.read(() -> List.copyOf(charges));
    }
}
