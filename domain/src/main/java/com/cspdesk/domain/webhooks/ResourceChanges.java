package com.cspdesk.domain.webhooks;

import com.cspdesk.domain.activity.ActivityCatalogue;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityEntry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which recorded act raises which webhook event, and where the event points. Every change an event is
 * about already writes an activity record in its own transaction; this table turns that record into
 * the event, so the event commits (or rolls back) with the change and the record (issue #15 item 4).
 * Read it as a table: an operation kind, the event it raises, the resource's name and its address
 * relative to the API. Only a {@link ActivityEntry#SUCCEEDED succeeded} act raises an event.
 *
 * <p>A service request changes when a file is attached to it, its status moves, a note is written on it or
 * it is resolved.
 */
public final class ResourceChanges {

    /** The detail of a {@code send_webhook_test} record naming the test's correlation id. */
    public static final String CORRELATION_ID = "correlationId";

    private static final Map<Operation, Raise> RAISES = new EnumMap<>(Operation.class);

    static {
        raise(Operation.ADD_CUSTOMER, WebhookEvent.CUSTOMER_CREATED, "Customer", e -> "/v1/customers/" + e.resourceId());
        raise(Operation.CREATE_ORDER, WebhookEvent.ORDER_CREATED, "Order", e -> order(e, e.resourceId()));
        raise(Operation.CANCEL_ORDER, WebhookEvent.ORDER_UPDATED, "Order", e -> order(e, e.resourceId()));
        // Issue #16: a reservation's scope changed is a change of the order (its line's provisioning context).
        raise(Operation.CHANGE_RESERVATION_SCOPE, WebhookEvent.ORDER_UPDATED, "Order", e -> order(e, e.resourceId()));
        // A credit note has no address of its own: it shows on the cancelled order (and the invoice), and
        // shares the order's ordering key, so it reaches a receiver after the order's update.
        raise(Operation.ISSUE_CREDIT, WebhookEvent.CREDIT_ISSUED, "Credit",
                e -> order(e, e.customizedData().getOrDefault("orderId", "")));
        // Subscriptions with a term (#16): the subscription's own address
        raise(Operation.RENEW_SUBSCRIPTION, WebhookEvent.SUBSCRIPTION_RENEWED, "Subscription", ResourceChanges::subscription);
        raise(Operation.EXPIRE_SUBSCRIPTION, WebhookEvent.SUBSCRIPTION_EXPIRED, "Subscription", ResourceChanges::subscription);
        raise(Operation.UPDATE_SUBSCRIPTION, WebhookEvent.SUBSCRIPTION_UPDATED, "Subscription", ResourceChanges::subscription);
        raise(Operation.CANCEL_SUBSCRIPTION_RENEWAL, WebhookEvent.SUBSCRIPTION_UPDATED, "Subscription",
                ResourceChanges::subscription);
        raise(Operation.READY_INVOICE, WebhookEvent.INVOICE_READY, "InvoiceRun", e -> "/v1/invoices/runs/" + e.resourceId());
        raise(Operation.GET_SOFTWARE_KEY, WebhookEvent.SOFTWARE_KEY_ACCESSED, "SoftwareKey", ResourceChanges::software);
        raise(Operation.GET_SOFTWARE_DOWNLOAD_LINK, WebhookEvent.SOFTWARE_DOWNLOAD_LINK_CREATED, "SoftwareDownloadLink",
                ResourceChanges::software);
        raise(Operation.CREATE_SERVICE_REQUEST, WebhookEvent.SERVICE_REQUEST_CREATED, "ServiceRequest",
                e -> "/v1/servicerequests/" + e.resourceId());
        raise(Operation.ATTACH_SERVICE_REQUEST_FILE, WebhookEvent.SERVICE_REQUEST_UPDATED, "ServiceRequest",
                e -> "/v1/servicerequests/" + e.resourceId());
        // Support requests that end (#16 item 4): a status moved, a note written, a resolution.
        raise(Operation.UPDATE_SERVICE_REQUEST, WebhookEvent.SERVICE_REQUEST_UPDATED, "ServiceRequest",
                e -> "/v1/servicerequests/" + e.resourceId());
        raise(Operation.RESOLVE_SERVICE_REQUEST, WebhookEvent.SERVICE_REQUEST_UPDATED, "ServiceRequest",
                e -> "/v1/servicerequests/" + e.resourceId());
        // The test event points at its own status, which the registration's owner can read.
        raise(Operation.SEND_WEBHOOK_TEST, WebhookEvent.TEST_CREATED, "test",
                e -> "/webhooks/v1/registration/validationEvents/" + e.customizedData().getOrDefault(CORRELATION_ID, ""));
    }

    private ResourceChanges() {
    }

    /** The event an act raises, pointing at what changed; empty when it raises none. */
    public static Optional<ResourceChange> of(ActivityEntry entry) {
        if (!ActivityEntry.SUCCEEDED.equals(entry.operationStatus())) {
            return Optional.empty();
        }
        return Operation.ofKind(entry.operationType()).map(RAISES::get).map(raise -> {
            String uri = raise.uri().apply(entry);
            return new ResourceChange(raise.event(), uri, raise.resourceName(), auditUri(entry), entry.operationDate(), uri);
        });
    }

    /** The event each operation raises (those that raise one). */
    public static Map<Operation, WebhookEvent> events() {
        Map<Operation, WebhookEvent> events = new EnumMap<>(Operation.class);
        RAISES.forEach((operation, raise) -> events.put(operation, raise.event()));
        return Collections.unmodifiableMap(events);
    }

    /**
     * The activity log's records of that instant for the customer (or, partner-wide, of that
     * operation): the record the event comes from, as a filter the audit-record API reads.
     */
    static String auditUri(ActivityEntry entry) {
        Instant at = entry.operationDate();
        String filter = entry.customerId() == null || entry.customerId().isBlank()
                ? filter("OperationType", ActivityCatalogue.operationTypeOf(entry.operationType()))
                : filter("CustomerId", entry.customerId());
        return "/v1/auditrecords?startDate=" + at + "&endDate=" + at.plus(1, ChronoUnit.MILLIS)
                + "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String filter(String field, String value) {
        // Ids and catalogue names only: nothing here needs JSON escaping.
        return "{\"field\":\"" + field + "\",\"value\":\"" + value + "\",\"operator\":\"equals\"}";
    }

    private static String order(ActivityEntry entry, String orderId) {
        return "/v1/customers/" + entry.customerId() + "/orders/" + orderId;
    }

    private static String subscription(ActivityEntry entry) {
        return "/v1/customers/" + entry.customerId() + "/subscriptions/" + entry.resourceId();
    }

    private static String software(ActivityEntry entry) {
        return "/v1/customers/" + entry.customerId() + "/software/" + entry.resourceId();
    }

    private static void raise(Operation operation, WebhookEvent event, String resourceName,
                              Function<ActivityEntry, String> uri) {
        RAISES.put(operation, new Raise(event, resourceName, uri));
    }

    private record Raise(WebhookEvent event, String resourceName, Function<ActivityEntry, String> uri) {
    }
}
