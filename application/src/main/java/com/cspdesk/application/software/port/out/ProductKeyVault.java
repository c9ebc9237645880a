package com.cspdesk.application.software.port.out;

import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;

import java.util.Optional;

/** Issued keys, encrypted at rest; one per entitlement and version. */
public interface ProductKeyVault {

    Optional<ProductKey> find(String entitlementId, SoftwareVersion version);

    /** Keeps the key unless one is already kept for this entitlement and version (then false). */
    boolean keep(String entitlementId, SoftwareVersion version, ProductKey key);

    /** Whether any key was issued for the entitlement. */
    boolean hasAny(String entitlementId);
}
