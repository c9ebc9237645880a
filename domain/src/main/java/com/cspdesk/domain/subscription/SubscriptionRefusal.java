package com.cspdesk.domain.subscription;

/** Why a subscription cannot be changed as asked; {@link #code()} is the API's stable problem code. */
public enum SubscriptionRefusal {
    /** The term ended without auto-renew: nothing about it changes any more. */
    SUBSCRIPTION_EXPIRED("subscription_expired"),
    /** Cancelled before: nothing about it changes any more. */
    SUBSCRIPTION_CANCELLED("subscription_cancelled"),
    /** Still in its first term: there is no renewal to cancel (cancelling it is cancelling its purchase). */
    NOT_RENEWED("not_renewed"),
    /** The renewal is older than the cancellation window. */
    RENEWAL_CANCELLATION_WINDOW_PASSED("renewal_cancellation_window_passed");

    private final String code;

    SubscriptionRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
