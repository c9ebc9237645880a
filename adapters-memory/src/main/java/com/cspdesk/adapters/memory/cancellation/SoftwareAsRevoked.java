package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The OwnedSoftware bean as revocation leaves it: a revoked entitlement reads as cancelled (inactive). */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class SoftwareAsRevoked implements BeanCreatedEventListener<OwnedSoftware> {

    private final CancelledLines cancelled;

    SoftwareAsRevoked(CancelledLines cancelled) {
        this.cancelled = cancelled;
    }

    @Override
    public OwnedSoftware onCreated(BeanCreatedEvent<OwnedSoftware> event) {
        return over(event.getBean());
    }

    OwnedSoftware over(OwnedSoftware stored) {
        return Decorating.decorate(stored, OwnedSoftware.class, new OwnedSoftware() {
            @Override
            public List<Entitlement> ofCustomer(String customerTenantId) {
                return stored.ofCustomer(customerTenantId).stream().map(cancelled::over).toList();
            }

            @Override
            public Optional<Entitlement> find(String customerTenantId, String entitlementId) {
                return stored.find(customerTenantId, entitlementId).map(cancelled::over);
            }
        });
    }
}
