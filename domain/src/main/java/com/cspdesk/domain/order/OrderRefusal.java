package com.cspdesk.domain.order;

import com.cspdesk.domain.cancellation.CancellationRefusal;

/** Why an order transition was refused; {@link #code()} is the API's stable problem code. */
public enum OrderRefusal {
    /** The line (or the whole order) is cancelled already. */
    ALREADY_CANCELLED("already_cancelled"),
    /** The order was completed before. */
    ALREADY_COMPLETED("already_completed"),
    /** The order is still being provisioned: its lines cannot be cancelled yet. */
    ORDER_PENDING("order_pending"),
    /** No line of the order has this number. */
    UNKNOWN_LINE_ITEM("unknown_line_item"),
    /** A cancellation named no line. */
    NO_LINE_ITEMS("no_line_items"),
    /** From {@link CancellationRefusal#WINDOW_PASSED}. */
    CANCELLATION_WINDOW_PASSED("cancellation_window_passed"),
    /** From {@link CancellationRefusal#NOT_CANCELLABLE} (SUSE/Red Hat plans). */
    NOT_CANCELLABLE("not_cancellable"),
    /** From {@link CancellationRefusal#SUPPORT_REQUEST_REQUIRED}. */
    SUPPORT_REQUEST_REQUIRED("support_request_required"),
    /** The decision's credit is more than the line can still be credited: a stale or foreign decision. */
    CREDIT_EXCEEDS_CHARGE("credit_exceeds_charge");

    private final String code;

    OrderRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The same reason, as the order reports it. */
    public static OrderRefusal from(CancellationRefusal refusal) {
        return switch (refusal) {
            case WINDOW_PASSED -> CANCELLATION_WINDOW_PASSED;
            case NOT_CANCELLABLE -> NOT_CANCELLABLE;
            case ALREADY_CANCELLED -> ALREADY_CANCELLED;
            case SUPPORT_REQUEST_REQUIRED -> SUPPORT_REQUEST_REQUIRED;
        };
    }
}
