package com.cspdesk.domain.webhooks;

import com.cspdesk.domain.access.Permission;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook registration may name (issue #15), as Partner Center spells them on the wire
 * ({@code EventName}, {@code WebhookEvents}: {@code {resource}-{action}}; the wire name is kept apart from
 * the constant's name, so renaming a constant never changes what a receiver sees) — the closed list {@code GET /webhooks/v1/availableEvents} answers and
 * a registration is checked against, and the names the outbox writes. Each carries the permission of
 * reading what it is about: naming the event in a registration needs it ({@link WebhookSubscriptionPolicy}).
 * {@code test-created} is about the registration itself, so it needs no more than managing it.
 */
public enum WebhookEvent {

    CUSTOMER_CREATED("customer-created", Permission.VIEW_CUSTOMERS),
    ORDER_CREATED("order-created", Permission.VIEW_ORDERS),
    /** A cancellation: Partner Center's PATCH of the order. */
    ORDER_UPDATED("order-updated", Permission.VIEW_ORDERS),
    // Subscriptions with a term (#16): read as orders
    /** A term ended and the next began, charged on the next invoice. */
    SUBSCRIPTION_RENEWED("subscription-renewed", Permission.VIEW_ORDERS),
    /** A term ended without auto-renew: its keys and download links are revoked. */
    SUBSCRIPTION_EXPIRED("subscription-expired", Permission.VIEW_ORDERS),
    /** Auto-renew switched, or a renewal cancelled. */
    SUBSCRIPTION_UPDATED("subscription-updated", Permission.VIEW_ORDERS),
    /** The credit note of cancelled lines: a billing document, read with the invoices it lands on. */
    CREDIT_ISSUED("credit-issued", Permission.READ_INVOICES),
    INVOICE_READY("invoice-ready", Permission.READ_INVOICES),
    SOFTWARE_KEY_ACCESSED("software-key-accessed", Permission.VIEW_SOFTWARE),
    SOFTWARE_DOWNLOAD_LINK_CREATED("software-download-link-created", Permission.VIEW_SOFTWARE),
    SERVICE_REQUEST_CREATED("service-request-created", Permission.FILE_SERVICE_REQUEST),
    SERVICE_REQUEST_UPDATED("service-request-updated", Permission.FILE_SERVICE_REQUEST),
    TEST_CREATED("test-created", Permission.MANAGE_WEBHOOKS);

    private final String wireName;
    private final Permission permission;

    WebhookEvent(String wireName, Permission permission) {
        this.wireName = wireName;
        this.permission = permission;
    }

    /** The name on the wire ({@code order-created}): Partner Center's {@code EventName}, as registrations name it. */
    public String wireName() {
        return wireName;
    }

    /** The permission of reading what the event is about: who may subscribe to it. */
    public Permission permission() {
        return permission;
    }

    /** The event of that name, blanks around it aside (Partner Center's names are lower case; no other spelling is one). */
    public static Optional<WebhookEvent> ofWireName(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(e -> e.wireName.equals(name.strip())).findFirst();
    }
}
