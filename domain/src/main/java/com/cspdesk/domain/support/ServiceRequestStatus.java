package com.cspdesk.domain.support;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a customer support request stands (issue #16 item 4). Partner Center knows {@code open},
 * {@code attention_needed} and {@code closed} (and {@code none}); the desk adds {@code in_progress}
 * (support staff work on it) and {@code resolved} (answered: a refund approved or declined).
 */
public enum ServiceRequestStatus {
    OPEN("open"),
    IN_PROGRESS("in_progress"),
    ATTENTION_NEEDED("attention_needed"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private final String code;

    ServiceRequestStatus(String code) {
        this.code = code;
    }

    /** The wire and storage value: {@code open}, {@code in_progress}, … */
    public String code() {
        return code;
    }

    /**
     * The status a client named, in the desk's spelling ({@code attention_needed}) or Partner Center's
     * SDK's ({@code AttentionNeeded}, {@code Open}): case, underscores, hyphens and spaces do not matter.
     * Empty for anything else (PC's {@code none} included: no request is in no status).
     */
    public static Optional<ServiceRequestStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = squeeze(value);
        for (ServiceRequestStatus status : values()) {
            if (squeeze(status.code).equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The status stored as {@link #code()}. */
    public static ServiceRequestStatus ofCode(String code) {
        for (ServiceRequestStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("no service request status " + code);
    }

    private static String squeeze(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
