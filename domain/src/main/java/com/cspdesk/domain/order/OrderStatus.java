package com.cspdesk.domain.order;

/**
 * Status of an order; {@link #code()} is the API's value. Allowed moves: pending → completed (provisioned),
 * completed → cancelled (when its last line is cancelled). Nothing leaves cancelled.
 */
public enum OrderStatus {
    PENDING("pending"),
    COMPLETED("completed"),
    /** Every line is cancelled (anchor facts: "the order is cancelled only when all lines are"). */
    CANCELLED("cancelled");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
