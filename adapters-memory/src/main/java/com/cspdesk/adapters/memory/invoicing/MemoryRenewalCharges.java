package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renewed terms in memory; a line's term is charged once, as the JDBC primary key has it. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryRenewalCharges implements RenewalCharges {

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final List<RenewalCharge> charges = new ArrayList<>();

    MemoryRenewalCharges(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(RenewalCharge charge) {
        transactions.inTransaction(() -> {
            if (charges.stream().anyMatch(c -> c.orderId().equals(charge.orderId())
                    && c.lineItemNumber() == charge.lineItemNumber() && c.termNumber() == charge.termNumber())) {
                throw new IllegalStateException("order " + charge.orderId() + " line " + charge.lineItemNumber()
                        + " term " + charge.termNumber() + " is charged already");
            }
            return transactions.change(() -> charges.add(charge), () -> charges.remove(charge));
        });
    }

    @Override
    public List<RenewalCharge> ofLine(String orderId, int lineItemNumber) {
        return transactions.read(() -> charges.stream()
                .filter(c -> c.orderId().equals(orderId) && c.lineItemNumber() == lineItemNumber)
                .sorted(Comparator.comparingInt(RenewalCharge::termNumber)).toList());
    }

    /** Every renewed term, oldest start first (read inside a unit of work), for the invoices. */
    List<RenewalCharge> all() {
        return transactions.read(() -> charges.stream().sorted(Comparator.comparing(RenewalCharge::startsAt)).toList());
    }
}
