package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Reads what {@link MemoryEntitlements} grants, always through the customer's tenant id. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryOwnedSoftware implements OwnedSoftware {

    private final EntitlementBook book;

    MemoryOwnedSoftware(EntitlementBook book) {
        this.book = book;
    }

    @Override
    public List<Entitlement> ofCustomer(String customerTenantId) {
        return book.ofCustomer(customerTenantId);
    }

    @Override
    public Optional<Entitlement> find(String customerTenantId, String entitlementId) {
        return book.find(customerTenantId, entitlementId);
    }
}
