package com.cspdesk.domain.cancellation;

/** Why a purchase cannot be cancelled by self-service now; {@link #code()} is the API's stable problem code. */
public enum CancellationRefusal {
    /** Spec "Cancel a purchase": after the window (60 days by default) a purchase can no longer be cancelled. */
    WINDOW_PASSED("cancellation_window_passed"),
    /** Spec "Cancel a purchase" note: SUSE Linux and Red Hat software plans cannot be cancelled or exchanged. */
    NOT_CANCELLABLE("not_cancellable"),
    /** The purchase was cancelled before: a cancellation happens once. */
    ALREADY_CANCELLED("already_cancelled"),
    /** Spec "Submit a customer support request to cancel a purchase": self-service is not enough (reservation refund limit). */
    SUPPORT_REQUEST_REQUIRED("support_request_required");

    private final String code;

    CancellationRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
