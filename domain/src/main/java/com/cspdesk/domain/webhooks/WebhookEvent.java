package com.cspdesk.domain.webhooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook registration may name, as Partner Center spells them on the wire
 * ({@code EventName}, {@code WebhookEvents}). The wire name is kept apart from the constant's name,
 * so renaming a constant never changes what a receiver sees.
 */
public enum WebhookEvent {
    CUSTOMER_CREATED("customer-created"),
    ORDER_CREATED("order-created"),
    ORDER_UPDATED("order-updated"),
    CREDIT_ISSUED("credit-issued"),
    INVOICE_READY("invoice-ready"),
    SOFTWARE_KEY_ACCESSED("software-key-accessed"),
    SOFTWARE_DOWNLOAD_LINK_CREATED("software-download-link-created"),
    SERVICE_REQUEST_CREATED("service-request-created"),
    SERVICE_REQUEST_UPDATED("service-request-updated"),
    TEST_CREATED("test-created");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: {@code order-created}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
