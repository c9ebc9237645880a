package com.cspdesk.domain.credit;

import java.util.Arrays;
import java.util.Optional;

/** Why a credit note was issued; {@link #code()} is what the API, the CSV and the activity log show. */
public enum CreditReason {
    /** A purchase cancelled within its window (spec "Post-cancellation details"): one per order line. */
    CANCELLATION("cancellation"),
    /** A subscription's renewal cancelled within its window from the renewal date: the prorated rest of that term. */
    RENEWAL_CANCELLATION("renewal_cancellation"),
    /** A refund request resolved by support with an approved amount: once per request. */
    REFUND("refund"),
    /** A credit an admin gives as a gesture (a late delivery, a billing mistake), with a written reason. */
    GOODWILL("goodwill");

    private final String code;

    CreditReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether an admin may name this reason for a manual credit note (the others come from their own flows). */
    public boolean isManual() {
        return this == GOODWILL || this == REFUND;
    }

    public static Optional<CreditReason> fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
    }
}
