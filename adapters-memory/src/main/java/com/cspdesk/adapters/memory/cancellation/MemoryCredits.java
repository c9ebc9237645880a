package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.domain.money.Money;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Credit notes in memory. One per order line, as the JDBC unique key has it: a batch holding a line
 * that has its credit (or holding it twice) is refused whole, so a second cancellation of a line
 * cannot credit it again. Public for the invoices, which take every credit note not yet invoiced.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public class MemoryCredits implements Credits {

    private static final Comparator<CreditNote> ISSUED = Comparator.comparing(CreditNote::issuedAt)
            .thenComparing(CreditNote::id);

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final List<CreditNote> notes = new ArrayList<>();
    private final Set<Line> credited = new HashSet<>();

    MemoryCredits(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void issue(List<CreditNote> credits) {
        transactions.inTransaction(() -> {
            Set<Line> lines = new HashSet<>();
            for (CreditNote note : credits) {
                Line line = new Line(note.orderId(), note.lineItemNumber());
                if (credited.contains(line) || !lines.add(line)) {
                    throw new IllegalStateException("order " + note.orderId() + " line " + note.lineItemNumber()
                            + " has its credit already");
                }
            }
            return transactions.change(() -> {
                notes.addAll(credits);
                return credited.addAll(lines);
            }, () -> {
                notes.subList(notes.size() - credits.size(), notes.size()).clear();
                credited.removeAll(lines);
            });
        });
    }

    @Override
    public List<Money> reservationRefundsSince(String customerTenantId, Instant since) {
        return transactions.read(() -> notes.stream()
                .filter(n -> n.customerTenantId().equals(customerTenantId) && n.kind().isAzureReservation()
                        && !n.issuedAt().isBefore(since))
                .sorted(ISSUED)
                .map(n -> n.credit().gross())
                .toList());
    }

    /** Every credit note issued, oldest first (read inside a unit of work). */
    public List<CreditNote> issued() {
        return transactions.read(() -> notes.stream().sorted(ISSUED).toList());
    }

    private record Line(String orderId, int lineItemNumber) {
    }
}
