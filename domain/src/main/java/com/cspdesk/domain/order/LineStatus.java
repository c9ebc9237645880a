package com.cspdesk.domain.order;

/** Status of an order line; {@link #code()} is the API's value. */
public enum LineStatus {
    ACTIVE("active"),
    CANCELLED("cancelled");

    private final String code;

    LineStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
