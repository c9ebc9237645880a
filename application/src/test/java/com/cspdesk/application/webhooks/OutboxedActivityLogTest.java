package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration.Health;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OutboxedActivityLogTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final ActivityLog records = mock(ActivityLog.class);
    private final EventOutbox outbox = mock(EventOutbox.class);
    private final Transactions transactions = mock(Transactions.class);
    private final WebhookRegistrations registrations = mock(WebhookRegistrations.class);
    private final WebhookDeliveries deliveries = mock(WebhookDeliveries.class);
    private final OutboxedActivityLog log = new OutboxedActivityLog(records, outbox, registrations, deliveries, transactions);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void unitsOfWorkRunTheirWork() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
    }

    @Test
    void aRecordThatRaisesAnEventAppendsItBesideTheRecordInOneUnitOfWork() {
        receiving(WebhookEvent.ORDER_CREATED);
        ActivityEntry placed = entry("create_order", ActivityEntry.SUCCEEDED, "o-1");

        log.append(placed);

        InOrder order = inOrder(transactions, records, outbox);
        order.verify(transactions).inTransaction(any());
        order.verify(records).append(placed);
        ArgumentCaptor<EventOutbox.NewEvent> event = ArgumentCaptor.forClass(EventOutbox.NewEvent.class);
        order.verify(outbox).append(event.capture());
        assertThat(event.getValue().change().event()).isEqualTo(WebhookEvent.ORDER_CREATED);
        assertThat(event.getValue().change().resourceUri()).isEqualTo("/v1/customers/t-1/orders/o-1");
        assertThat(event.getValue().id()).matches("msg_[0-9a-f]{32}");
    }

    @Test
    void eachEventHasAnIdOfItsOwn() {
        receiving(WebhookEvent.ORDER_CREATED);
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-1"));
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-1"));

        ArgumentCaptor<EventOutbox.NewEvent> events = ArgumentCaptor.forClass(EventOutbox.NewEvent.class);
        verify(outbox, times(2)).append(events.capture());
        assertThat(events.getAllValues().get(0).id()).isNotEqualTo(events.getAllValues().get(1).id());
    }

    @Test
    void aRecordThatRaisesNoEventIsOnlyRecorded() {
        receiving(WebhookEvent.ORDER_CREATED);
        ActivityEntry download = entry("download_software", ActivityEntry.SUCCEEDED, "d-1");
        ActivityEntry refused = entry("create_order", ActivityEntry.FAILED, "o-2");

        log.append(download);
        log.append(refused);

        verify(records).append(download);
        verify(records).append(refused);
        verify(outbox, never()).append(any());
    }

    @Test
    void aRecordThatCannotBeWrittenRaisesNoEvent() {
        receiving(WebhookEvent.ORDER_CREATED);
        ActivityEntry placed = entry("create_order", ActivityEntry.SUCCEEDED, "o-3");
        doThrow(new IllegalStateException("the database went away")).when(records).append(placed);

        assertThatThrownBy(() -> log.append(placed)).hasMessage("the database went away");

        verify(outbox, never()).append(any());
    }

    @Test
    void anEventIsScheduledForTheRegistrationThatReceivesItInTheSameUnitOfWork() {
        when(registrations.find()).thenReturn(Optional.of(registration(Set.of(WebhookEvent.ORDER_CREATED), Health.HEALTHY)));
        when(outbox.append(any())).thenReturn(7L);

        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-4"));

        ArgumentCaptor<EventOutbox.NewEvent> event = ArgumentCaptor.forClass(EventOutbox.NewEvent.class);
        InOrder order = inOrder(transactions, records, outbox, deliveries);
        order.verify(transactions).inTransaction(any());
        order.verify(records).append(any());
        order.verify(outbox).append(event.capture());
        order.verify(deliveries).schedule(new WebhookDeliveries.NewDelivery("reg-1", event.getValue().id(),
                "/v1/customers/t-1/orders/o-4", 7L, AT));
    }

    @Test
    void nothingIsStoredOrScheduledWithoutARegistrationOrForAnEventItDoesNotNameOrWhileItIsSwitchedOff() {
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-5"));
        when(registrations.find()).thenReturn(Optional.of(registration(Set.of(WebhookEvent.CUSTOMER_CREATED), Health.HEALTHY)));
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-6"));
        when(registrations.find()).thenReturn(Optional.of(registration(Set.of(WebhookEvent.ORDER_CREATED),
                new Health(Optional.of(AT), Optional.of(AT)))));
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-7"));

        verify(records, times(3)).append(any());
        verify(outbox, never()).append(any());
        verify(deliveries, never()).schedule(any());
    }

    @Test
    void aTestEventReachesARegistrationThatNamesNoTestEvent() {
        when(registrations.find()).thenReturn(Optional.of(registration(Set.of(WebhookEvent.ORDER_CREATED), Health.HEALTHY)));

        log.append(new ActivityEntry(AT, "send_webhook_test", ActivityEntry.SUCCEEDED, "admin.agent@partner.demo", null,
                null, null, "webhook_registration", "reg-1", Map.of("correlationId", "c-1")));

        ArgumentCaptor<WebhookDeliveries.NewDelivery> scheduled = ArgumentCaptor.forClass(WebhookDeliveries.NewDelivery.class);
        verify(deliveries).schedule(scheduled.capture());
        assertThat(scheduled.getValue().orderingKey()).isEqualTo("/webhooks/v1/registration/validationEvents/c-1");
    }

    private static WebhookRegistration registration(Set<WebhookEvent> events, Health health) {
        return new WebhookRegistration("reg-1", "https://hooks.example.com/in", events, "sealed", AT, "admin", AT, health);
    }

    private static ActivityEntry entry(String operation, String status, String resourceId) {
        return new ActivityEntry(AT, operation, status, "admin.agent@partner.demo", null, "t-1", "Contoso Kft.", "order",
                resourceId, Map.of());
    }

    private void receiving(WebhookEvent event) {
        when(registrations.find()).thenReturn(Optional.of(registration(Set.of(event), Health.HEALTHY)));
    }
}
