package com.cspdesk.domain.order;

import java.util.Objects;

/** Identity of an order, as the API shows it. */
public record OrderId(String value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an order id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
