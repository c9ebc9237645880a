package com.cspdesk.domain.webhooks;

/**
 * Where a webhook delivery stands: {@link #PENDING} until the receiver answers 2xx
 * ({@link #DELIVERED}) or the retries run out ({@link #FAILED}, see {@link DeliveryRetryPolicy}); a
 * redelivery makes it pending again under the same {@code webhook-id}.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    /** The name on the wire and in the store: {@code pending}, {@code delivered}, {@code failed}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<DeliveryStatus> ofWireName(String name) {
        for (DeliveryStatus status : values()) {
            if (status.wireName().equals(name)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }
}
