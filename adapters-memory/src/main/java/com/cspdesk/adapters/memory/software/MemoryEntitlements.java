package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.software.port.out.Entitlements;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryEntitlements implements Entitlements {

    private final EntitlementBook book;

    MemoryEntitlements(EntitlementBook book) {
        this.book = book;
    }

    @Override
    public void grant(List<Entitlement> entitlements) {
        book.grant(entitlements);
    }
}
