package com.cspdesk.domain.subscription;

import java.util.Arrays;
import java.util.Optional;

/** A subscription's state; {@link #code()} is the API's {@code status}. */
public enum SubscriptionStatus {
    /** In a term: keys and downloads available. */
    ACTIVE("active"),
    /** The term ended without auto-renew: keys and download links revoked. */
    EXPIRED("expired"),
    /** Cancelled (its purchase, or a renewal within the window): keys and download links revoked. */
    CANCELLED("cancelled");

    private final String code;

    SubscriptionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SubscriptionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
