package com.cspdesk.domain.webhooks;

import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityEntry;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceChangesTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:14:15.123456789Z");
    private static final String TENANT = "8f2c3c1e-0000-4000-8000-000000000001";

    @Test
    void theTableNamesTheEventsOfTheIssue() {
        assertThat(ResourceChanges.events()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(Operation.SEND_WEBHOOK_TEST, WebhookEvent.TEST_CREATED),
                Map.entry(Operation.ATTACH_SERVICE_REQUEST_FILE, WebhookEvent.SERVICE_REQUEST_UPDATED),
                Map.entry(Operation.ADD_CUSTOMER, WebhookEvent.CUSTOMER_CREATED),
                Map.entry(Operation.CREATE_ORDER, WebhookEvent.ORDER_CREATED),
                Map.entry(Operation.CANCEL_ORDER, WebhookEvent.ORDER_UPDATED),
                Map.entry(Operation.CHANGE_RESERVATION_SCOPE, WebhookEvent.ORDER_UPDATED),
                Map.entry(Operation.ISSUE_CREDIT, WebhookEvent.CREDIT_ISSUED),
                Map.entry(Operation.READY_INVOICE, WebhookEvent.INVOICE_READY),
                Map.entry(Operation.GET_SOFTWARE_KEY, WebhookEvent.SOFTWARE_KEY_ACCESSED),
                Map.entry(Operation.GET_SOFTWARE_DOWNLOAD_LINK, WebhookEvent.SOFTWARE_DOWNLOAD_LINK_CREATED),
                Map.entry(Operation.CREATE_SERVICE_REQUEST, WebhookEvent.SERVICE_REQUEST_CREATED),
                Map.entry(Operation.RENEW_SUBSCRIPTION, WebhookEvent.SUBSCRIPTION_RENEWED),
                Map.entry(Operation.EXPIRE_SUBSCRIPTION, WebhookEvent.SUBSCRIPTION_EXPIRED),
                Map.entry(Operation.UPDATE_SUBSCRIPTION, WebhookEvent.SUBSCRIPTION_UPDATED),
                Map.entry(Operation.CANCEL_SUBSCRIPTION_RENEWAL, WebhookEvent.SUBSCRIPTION_UPDATED),
                // Support requests that end (#16 item 4)
                Map.entry(Operation.UPDATE_SERVICE_REQUEST, WebhookEvent.SERVICE_REQUEST_UPDATED),
                Map.entry(Operation.RESOLVE_SERVICE_REQUEST, WebhookEvent.SERVICE_REQUEST_UPDATED)));
    }

    @Test
    void anOrderPlacedPointsAtTheOrderAndItsRecordNeverAtItsData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("productName", "Windows Server 2022 Datacenter");
        data.put("totalGross", "987.65");
        ActivityEntry entry = entry("create_order", ActivityEntry.SUCCEEDED, TENANT, "order", "o-42", data);

        ResourceChange change = ResourceChanges.of(entry).orElseThrow();

        assertThat(change.event().wireName()).isEqualTo("order-created");
        assertThat(change.resourceUri()).isEqualTo("/v1/customers/" + TENANT + "/orders/o-42");
        assertThat(change.resourceName()).isEqualTo("Order");
        assertThat(change.orderingKey()).isEqualTo(change.resourceUri());
        assertThat(change.changeUtcDate()).isEqualTo("2026-12-03T09:14:15.123456Z");
        String audit = URLDecoder.decode(change.auditUri(), StandardCharsets.UTF_8);
        assertThat(audit).isEqualTo("/v1/auditrecords?startDate=2026-12-03T09:14:15.123456Z&endDate=2026-12-03T09:14:15.124456Z"
                + "&filter={\"field\":\"CustomerId\",\"value\":\"" + TENANT + "\",\"operator\":\"equals\"}");
        assertThat(change.toString()).doesNotContain("Windows", "Contoso", "admin.agent", "987.65");
    }

    @Test
    void aTestEventPointsAtItsOwnStatusAndIsOrderedAlone() {
        ActivityEntry test = entry("send_webhook_test", ActivityEntry.SUCCEEDED, null, "webhook_registration", "reg-1",
                Map.of(ResourceChanges.CORRELATION_ID, "c-9"));

        ResourceChange change = ResourceChanges.of(test).orElseThrow();

        assertThat(change.event()).isEqualTo(WebhookEvent.TEST_CREATED);
        assertThat(change.resourceUri()).isEqualTo("/webhooks/v1/registration/validationEvents/c-9");
        assertThat(change.resourceName()).isEqualTo("test");
        assertThat(change.orderingKey()).isEqualTo(change.resourceUri());
    }

    @Test
    void aCreditPointsAtItsOrderAndSharesItsOrderingKey() {
        ActivityEntry cancel = entry("cancel_order", ActivityEntry.SUCCEEDED, TENANT, "order", "o-7", Map.of());
        ActivityEntry credit = entry("issue_credit", ActivityEntry.SUCCEEDED, TENANT, "credit", "cn-1", Map.of("orderId", "o-7"));

        ResourceChange updated = ResourceChanges.of(cancel).orElseThrow();
        ResourceChange credited = ResourceChanges.of(credit).orElseThrow();

        assertThat(updated.event()).isEqualTo(WebhookEvent.ORDER_UPDATED);
        assertThat(credited.event()).isEqualTo(WebhookEvent.CREDIT_ISSUED);
        assertThat(credited.resourceName()).isEqualTo("Credit");
        assertThat(credited.orderingKey()).isEqualTo(updated.orderingKey()).isEqualTo("/v1/customers/" + TENANT + "/orders/o-7");
    }

    @Test
    void everyOtherEventPointsAtItsResource() {
        assertThat(uri("add_customer", TENANT, "customer", TENANT)).isEqualTo("/v1/customers/" + TENANT);
        assertThat(uri("get_software_key", TENANT, "software_key", "sw-1")).isEqualTo("/v1/customers/" + TENANT + "/software/sw-1");
        assertThat(uri("get_software_download_link", TENANT, "software_download_link", "sw-1"))
                .isEqualTo("/v1/customers/" + TENANT + "/software/sw-1");
        assertThat(uri("create_service_request", TENANT, "service_request", "sr-9")).isEqualTo("/v1/servicerequests/sr-9");
        assertThat(uri("ready_invoice", null, "invoice_run", "run-3")).isEqualTo("/v1/invoices/runs/run-3");
        assertThat(uri("renew_subscription", TENANT, "subscription", "s-4"))
                .isEqualTo("/v1/customers/" + TENANT + "/subscriptions/s-4");
    }

    @Test
    void aPartnerWideRecordIsFoundByItsOperation() {
        ResourceChange change = ResourceChanges.of(entry("ready_invoice", ActivityEntry.SUCCEEDED, null, "invoice_run", "run-3",
                Map.of())).orElseThrow();

        assertThat(URLDecoder.decode(change.auditUri(), StandardCharsets.UTF_8))
                .endsWith("&filter={\"field\":\"OperationType\",\"value\":\"ready_invoice\",\"operator\":\"equals\"}");
    }

    @Test
    void aFailedActOrAKindThatRaisesNothingRaisesNoEvent() {
        assertThat(ResourceChanges.of(entry("create_order", ActivityEntry.FAILED, TENANT, "order", "o-1", Map.of()))).isEmpty();
        assertThat(ResourceChanges.of(entry("download_software", ActivityEntry.SUCCEEDED, TENANT, "software_download", "d", Map.of())))
                .isEmpty();
        assertThat(ResourceChanges.of(entry("sign_in", ActivityEntry.SUCCEEDED, null, "user", "u", Map.of()))).isEmpty();
        assertThat(ResourceChanges.of(entry("no_such_kind", ActivityEntry.SUCCEEDED, TENANT, "order", "o", Map.of()))).isEmpty();
    }

    @Test
    void wireNamesAreTheIssuesAndIndependentOfTheConstants() {
        Set<String> names = Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder("customer-created", "order-created", "order-updated", "subscription-renewed", "subscription-expired", "subscription-updated", "credit-issued",
                "invoice-ready", "software-key-accessed", "software-download-link-created", "service-request-created",
                "service-request-updated", "test-created");
        assertThat(WebhookEvent.ofWireName("credit-issued")).contains(WebhookEvent.CREDIT_ISSUED);
        assertThat(WebhookEvent.ofWireName("CREDIT_ISSUED")).isEmpty();
    }

    private static String uri(String operation, String customerId, String resource, String resourceId) {
        return ResourceChanges.of(entry(operation, ActivityEntry.SUCCEEDED, customerId, resource, resourceId, Map.of()))
                .orElseThrow().resourceUri();
    }

    private static ActivityEntry entry(String operation, String status, String customerId, String resource, String resourceId,
                                       Map<String, String> data) {
        return new ActivityEntry(AT, operation, status, "admin.agent@partner.demo", null, customerId,
                customerId == null ? null : "Contoso Kft.", resource, resourceId, data);
    }
}
