package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.Map;
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
    private final OutboxedActivityLog log = new OutboxedActivityLog(records, outbox, transactions);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void unitsOfWorkRunTheirWork() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
    }

    @Test
    void aRecordThatRaisesAnEventAppendsItBesideTheRecordInOneUnitOfWork() {
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
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-1"));
        log.append(entry("create_order", ActivityEntry.SUCCEEDED, "o-1"));

        ArgumentCaptor<EventOutbox.NewEvent> events = ArgumentCaptor.forClass(EventOutbox.NewEvent.class);
        verify(outbox, times(2)).append(events.capture());
        assertThat(events.getAllValues().get(0).id()).isNotEqualTo(events.getAllValues().get(1).id());
    }

    @Test
    void aRecordThatRaisesNoEventIsOnlyRecorded() {
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
        ActivityEntry placed = entry("create_order", ActivityEntry.SUCCEEDED, "o-3");
        doThrow(new IllegalStateException("the database went away")).when(records).append(placed);

        assertThatThrownBy(() -> log.append(placed)).hasMessage("the database went away");

        verify(outbox, never()).append(any());
    }

    private static ActivityEntry entry(String operation, String status, String resourceId) {
        return new ActivityEntry(AT, operation, status, "admin.agent@partner.demo", null, "t-1", "Contoso Kft.", "order",
                resourceId, Map.of());
    }
}
