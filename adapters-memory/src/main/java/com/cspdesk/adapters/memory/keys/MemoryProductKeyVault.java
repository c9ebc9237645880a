package com.cspdesk.adapters.memory.keys;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issued keys in memory, sealed there too: a heap dump or a stray log of the store shows no key.
 * Each sealed value is bound to its entitlement and version (the sealing's context), as on JDBC.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryProductKeyVault implements ProductKeyVault {

    private final MemoryTransactions transactions;
    private final SecretSealing sealing;
    /** Sealed keys by entitlement and version; guarded by the units of work. */
    private final Map<Slot, String> sealed = new HashMap<>();

    MemoryProductKeyVault(MemoryTransactions transactions, SecretSealing sealing) {
        this.transactions = transactions;
        this.sealing = sealing;
    }

    @Override
    public Optional<ProductKey> find(String entitlementId, SoftwareVersion version) {
        Slot slot = new Slot(entitlementId, version.name());
        return transactions.read(() -> Optional.ofNullable(sealed.get(slot)))
                .map(value -> ProductKey.parse(sealing.open(value, slot.context())));
    }

    @Override
    public boolean keep(String entitlementId, SoftwareVersion version, ProductKey key) {
        Slot slot = new Slot(entitlementId, version.name());
        String value = sealing.seal(key.revealClearText(), slot.context());
        return transactions.inTransaction(() -> {
            if (sealed.containsKey(slot)) {
                return false;
            }
            return transactions.change(() -> sealed.put(slot, value) == null, () -> sealed.remove(slot));
        });
    }

    @Override
    public boolean hasAny(String entitlementId) {
        return transactions.read(() -> sealed.keySet().stream().anyMatch(s -> s.entitlementId().equals(entitlementId)));
    }

    /** Which key: one per entitlement and version. */
    private record Slot(String entitlementId, String version) {

        String context() {
            return "product-key:" + entitlementId + ":" + version;
        }
    }
}
