package com.cspdesk.application.software.port.out;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The software a customer owns: one entitlement per purchased software line (perpetual software
 * and server subscriptions), the basis of its keys and downloads.
 */
public interface Entitlements {

    void grant(List<Entitlement> entitlements);

    /**
     * {@code versions} newest first: the version bought and those its earlier-version rights give.
     */
    record Entitlement(String id, String customerTenantId, String orderId, int lineItemNumber, String productId,
                       String skuId, String productName, ContractType contractType, Instant purchasedAt,
                       List<SoftwareVersion> versions, Set<SoftwareLanguage> languages, Set<Bitness> bitness,
                       boolean active) {
        public Entitlement {
            versions = List.copyOf(versions);
            languages = Set.copyOf(languages);
            bitness = Set.copyOf(bitness);
        }
    }
}
