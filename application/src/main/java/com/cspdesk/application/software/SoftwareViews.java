package com.cspdesk.application.software;

import com.cspdesk.application.software.port.in.SoftwareView;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;

/** A stored entitlement as the software lists show it: the key is available while the line is active. */
public final class SoftwareViews {

    private SoftwareViews() {
    }

    public static SoftwareView view(Entitlement e) {
        return new SoftwareView(e.id(), e.orderId(), e.lineItemNumber(), e.productId(), e.skuId(), e.productName(),
                e.contractType(), e.purchasedAt(), e.active(), e.versions(), e.languages(), e.bitness(), e.active());
    }
}
