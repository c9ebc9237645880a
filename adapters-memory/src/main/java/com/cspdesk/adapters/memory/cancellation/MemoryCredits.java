package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.money.Money;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Credit notes in memory. As the JDBC unique keys have it, a line has at most one cancellation credit
 * and a source (a refund request, a renewed term) credits a line once: a batch breaking either (or
 * holding such a note twice) is refused whole. Public for the invoices, which take every credit note
 * not yet invoiced.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public class MemoryCredits implements Credits {

    private static final Comparator<CreditNote> ISSUED = Comparator.comparing(CreditNote::issuedAt)
            .thenComparing(CreditNote::id);

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final List<CreditNote> notes = new ArrayList<>();
    private final Set<Once> once = new HashSet<>();

    MemoryCredits(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void issue(List<CreditNote> credits) {
        transactions.inTransaction(() -> {
            Set<Once> taken = new HashSet<>();
            for (CreditNote note : credits) {
                Optional<Once> key = Once.of(note);
                if (key.isPresent() && (once.contains(key.get()) || !taken.add(key.get()))) {
                    throw new IllegalStateException("order " + note.orderId() + " line " + note.lineItemNumber()
                            + " has its " + note.reason().code() + " credit already");
                }
            }
            return transactions.change(() -> {
                notes.addAll(credits);
                return once.addAll(taken);
            }, () -> {
                notes.subList(notes.size() - credits.size(), notes.size()).clear();
                once.removeAll(taken);
            });
        });
    }

    @Override
    public boolean issuedFor(CreditReason reason, String sourceRef) {
        return transactions.read(() -> notes.stream()
                .anyMatch(n -> n.reason() == reason && n.sourceRef().filter(sourceRef::equals).isPresent()));
    }

    @Override
    public List<CreditNote> ofOrder(String customerTenantId, String orderId) {
        return transactions.read(() -> notes.stream()
                .filter(n -> n.customerTenantId().equals(customerTenantId) && n.orderId().equals(orderId))
                .sorted(ISSUED)
                .toList());
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

    /** What may be credited only once: a line's cancellation, or a line by one source. */
    private record Once(String orderId, int lineItemNumber, CreditReason reason, String sourceRef) {

        static Optional<Once> of(CreditNote note) {
            if (note.reason() == CreditReason.CANCELLATION) {
                return Optional.of(new Once(note.orderId(), note.lineItemNumber(), note.reason(), ""));
            }
            return note.sourceRef().map(source -> new Once(note.orderId(), note.lineItemNumber(), note.reason(), source));
        }
    }
}
