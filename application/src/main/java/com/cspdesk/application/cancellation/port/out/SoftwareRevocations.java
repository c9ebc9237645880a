package com.cspdesk.application.cancellation.port.out;

import java.util.List;

/**
 * Spec "Post-cancellation details": the cancelled lines' software keys and download links are
 * revoked — the entitlement becomes cancelled (its key is no longer shown) and every link of it
 * stops serving.
 */
public interface SoftwareRevocations {

    /** Answers how many entitlements were revoked. */
    int revoke(String orderId, List<Integer> lineItemNumbers);
}
