package com.cspdesk.application.portfolio.port.out;

import com.cspdesk.application.software.port.out.Entitlements;

import java.util.List;
import java.util.Optional;

/** Reading every customer's software lines (they are granted through {@link Entitlements}). */
public interface SoftwareAcrossCustomers {

    /**
     * Lines matching the filter (status {@code active} or {@code cancelled}), newest purchase first (purchase date,
     * then the entitlement's id, both descending), after {@code after} (exclusive), at most {@code limit}.
     */
    List<CustomerSoftware> page(AcrossCustomersFilter filter, Optional<AcrossCustomersFilter.Position> after, int limit);

    /** {@code quantity}: the order line's, as bought. */
    record CustomerSoftware(Entitlements.Entitlement entitlement, String customerName, int quantity) {
    }
}
