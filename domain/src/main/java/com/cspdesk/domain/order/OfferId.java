package com.cspdesk.domain.order;

import java.util.Objects;

/**
 * What a line bought: the catalog item id {@code productId:skuId:availabilityId}
 * (for example {@code DG7GMGF0FKZV:0003:DG7GMGF0DWMS}), read at purchase time because it can change later.
 */
public record OfferId(String value) {

    public OfferId {
        Objects.requireNonNull(value, "value");
        String[] parts = value.split(":", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("an offer id is productId:skuId:availabilityId: " + value);
        }
    }

    public String productId() {
        return value.split(":")[0];
    }

    public String skuId() {
        return value.split(":")[1];
    }

    @Override
    public String toString() {
        return value;
    }
}
