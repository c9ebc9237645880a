package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.adapters.memory.software.EntitlementBook;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Spec "Post-cancellation details": the cancelled lines' entitlements become cancelled (the software
 * feature's {@link EntitlementBook}) and every download link of them is revoked (DownloadLinks port).
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySoftwareRevocations implements SoftwareRevocations {

    private final MemoryTransactions transactions;
    private final EntitlementBook entitlements;
    private final DownloadLinks links;

    MemorySoftwareRevocations(MemoryTransactions transactions, EntitlementBook entitlements, DownloadLinks links) {
        this.transactions = transactions;
        this.entitlements = entitlements;
        this.links = links;
    }

    /** Answers how many entitlements went from active to cancelled (lines without software have none). */
    @Override
    public int revoke(String orderId, List<Integer> lineItemNumbers) {
        if (lineItemNumbers.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            List<Entitlement> ofLines = entitlements.ofLines(orderId, lineItemNumbers);
            int revoked = entitlements.cancel(orderId, lineItemNumbers);
            ofLines.forEach(entitlement -> links.revokeAll(entitlement.id()));
            return revoked;
        });
    }
}
