package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Spec "Post-cancellation details": the cancelled lines' entitlements become cancelled and every
 * download link of them is revoked, read and written through the OwnedSoftware and DownloadLinks ports.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySoftwareRevocations implements SoftwareRevocations {

    private final MemoryTransactions transactions;
    private final AddedOrders added;
    private final OwnedSoftware software;
    private final DownloadLinks links;
    private final CancelledLines cancelled;

    MemorySoftwareRevocations(MemoryTransactions transactions, AddedOrders added, OwnedSoftware software,
                              DownloadLinks links, CancelledLines cancelled) {
        this.transactions = transactions;
        this.added = added;
        this.software = software;
        this.links = links;
        this.cancelled = cancelled;
    }

    /** Answers how many entitlements went from active to cancelled (lines without software have none). */
    @Override
    public int revoke(String orderId, List<Integer> lineItemNumbers) {
        if (lineItemNumbers.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            List<Entitlement> ofLines = added.tenantOf(orderId).map(software::ofCustomer).orElse(List.of()).stream()
                    .filter(e -> e.orderId().equals(orderId) && lineItemNumbers.contains(e.lineItemNumber()))
                    .toList();
            int revoked = 0;
            for (Entitlement entitlement : ofLines) {
                if (entitlement.active() && cancelled.revoke(entitlement.id())) {
                    revoked++;
                }
                links.revokeAll(entitlement.id());
            }
            return revoked;
        });
    }
}
