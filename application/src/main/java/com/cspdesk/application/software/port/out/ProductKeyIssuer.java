package com.cspdesk.application.software.port.out;

import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;

/** The key-issuing service (Microsoft's, in real life): a new key for an entitlement and version. */
public interface ProductKeyIssuer {

    ProductKey issue(Entitlements.Entitlement entitlement, SoftwareVersion version);
}
