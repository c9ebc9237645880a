package com.cspdesk.application.software.port.out;

import java.util.List;
import java.util.Optional;

/** Reading a customer's entitlements (they are granted through {@link Entitlements}). */
public interface OwnedSoftware {

    /** Newest purchase first. */
    List<Entitlements.Entitlement> ofCustomer(String customerTenantId);

    Optional<Entitlements.Entitlement> find(String customerTenantId, String entitlementId);
}
