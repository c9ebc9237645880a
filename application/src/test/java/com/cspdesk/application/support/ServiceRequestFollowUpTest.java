package com.cspdesk.application.support;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.credits.CreditNoteIssuing;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.ServiceRequestView.NoteView;
import com.cspdesk.application.support.port.in.ServiceRequestView.Resolution;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.Change;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.Conflict;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.NotPermitted;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.Refused;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.RequestNotFound;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.ResolutionInput;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.Unprocessable;
import com.cspdesk.application.support.port.in.UpdateServiceRequest.Updated;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ServiceRequestFollowUpTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");
    private static final Instant FILED = Instant.parse("2026-11-30T08:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final Actor PARTNER = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);
    private static final Actor SUPPORT = Actor.partner("support.staff@partner.example", Role.SUPPORT_STAFF);

    private final ServiceRequests requests = mock(ServiceRequests.class);
    private final Orders orders = mock(Orders.class);
    private final OrderCancellations cancellations = mock(OrderCancellations.class);
    private final Customers customers = mock(Customers.class);
    private final Credits credits = mock(Credits.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private ServiceRequestFollowUp followUp;

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(requests.changeStatus(anyString(), anyString(), anyString(), any())).thenReturn(true);
        when(requests.resolve(anyString(), anyString(), any(), any())).thenReturn(true);
        // order-1: 1500.00 EUR gross, 200.00 of it credited already, so 1300.00 can still be credited.
        when(orders.find(any(), any())).thenReturn(Optional.empty());
        when(orders.find(TENANT, "order-1")).thenReturn(Optional.of(RefundOrders.order("order-1", TENANT, FILED, "1500.00", "200.00")));
        when(cancellations.lockForCancellation(TENANT, "order-1"))
                .thenReturn(Optional.of(RefundOrders.order("order-1", TENANT, FILED, "1500.00", "200.00")));
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(
                new Customers.Customer(TENANT, "Contoso", "contoso.example", Market.of("DE"), FILED)));
        stored("sr-open", "open", Optional.of("order-1"), Optional.empty());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // The credit notes are the real use case's, on the same mocked ports: what the refund writes is seen there.
        CreditNoteIssuing creditNotes = new CreditNoteIssuing(customers, cancellations, credits, activityLog, transactions, clock);
        followUp = new ServiceRequestFollowUp(requests, orders, cancellations, customers, creditNotes, activityLog, transactions, clock);
    }

    @Test
    void supportTakesTheRequestAndBothSidesWriteNotesEachOnTheLog() {
        assertThat(followUp.update("sr-open", new Change("in_progress", "Looking into it.", null), SUPPORT))
                .isInstanceOf(Updated.class);
        verify(requests).changeStatus("sr-open", "open", "in_progress", NOW);
        ArgumentCaptor<NoteView> note = ArgumentCaptor.forClass(NoteView.class);
        verify(requests).addNote(eq("sr-open"), note.capture());
        assertThat(note.getValue()).extracting(NoteView::createdBy, NoteView::authorSide, NoteView::createdAt, NoteView::text)
                .containsExactly("support.staff@partner.example", "support", NOW, "Looking into it.");
        ActivityEntry record = logged();
        assertThat(record.operationType()).isEqualTo("update_service_request");
        assertThat(record.resourceId()).isEqualTo("sr-open");
        assertThat(record.customizedData()).containsEntry("statusFrom", "open").containsEntry("status", "in_progress")
                .containsEntry("side", "support").containsEntry("noteAdded", "true");

        stored("sr-asked", "attention_needed", Optional.of("order-1"), Optional.empty());
        // A PC client names the status as PC's SDK does, and the partner answers support's question.
        assertThat(followUp.update("sr-asked", new Change("Open", "  Invoice attached.  ", null), PARTNER))
                .isInstanceOf(Updated.class);
        verify(requests).changeStatus("sr-asked", "attention_needed", "open", NOW);
        verify(requests).addNote(eq("sr-asked"), note.capture());
        assertThat(note.getValue().authorSide()).isEqualTo("partner");
        assertThat(note.getValue().text()).isEqualTo("Invoice attached.");
    }

    @Test
    void theStatusARequestIsInAlreadyIsNoMoveSoANoteMayCarryIt() {
        assertThat(followUp.update("sr-open", new Change("OPEN", "Any news?", null), PARTNER)).isInstanceOf(Updated.class);
        verify(requests, never()).changeStatus(any(), any(), any(), any());
        verify(requests).addNote(eq("sr-open"), any());
        assertThat(logged().customizedData()).doesNotContainKey("status").containsEntry("noteAdded", "true");
    }

    @Test
    void theStatusARequestIsInAlreadyAndNothingElseChangesNothing() {
        assertThat(followUp.update("sr-open", new Change("Open", null, null), SUPPORT)).isInstanceOf(Updated.class);
        verify(requests, never()).changeStatus(any(), any(), any(), any());
        verify(requests, never()).addNote(any(), any());
        verifyNoInteractions(activityLog, transactions);
    }

    @Test
    void thePartnerMayWithdrawButTakingAskingAndResolvingAreSupportsAndChangeNothing() {
        assertThat(followUp.update("sr-open", new Change("in_progress", null, null), PARTNER))
                .isEqualTo(new NotPermitted(Permission.HANDLE_SERVICE_REQUESTS));
        assertThat(followUp.update("sr-open", new Change("attention_needed", null, null), PARTNER))
                .isEqualTo(new NotPermitted(Permission.HANDLE_SERVICE_REQUESTS));
        assertThat(followUp.update("sr-open", new Change("resolved", null, null), PARTNER))
                .isEqualTo(new NotPermitted(Permission.HANDLE_SERVICE_REQUESTS));
        assertThat(followUp.update("sr-open", new Change(null, null, approve("10.00", "EUR")), PARTNER))
                .isEqualTo(new NotPermitted(Permission.HANDLE_SERVICE_REQUESTS));
        verify(requests, never()).changeStatus(any(), any(), any(), any());
        verify(requests, never()).resolve(any(), any(), any(), any());
        verifyNoInteractions(activityLog);

        assertThat(followUp.update("sr-open", new Change("closed", "Withdrawn: the customer kept it.", null), PARTNER))
                .isInstanceOf(Updated.class);
        verify(requests).changeStatus("sr-open", "open", "closed", NOW);
    }

    @Test
    void rolesWithoutTheTableRowAreRefusedBeforeAnythingIsRead() {
        for (Actor actor : TestActors.refused(Permission.FOLLOW_SERVICE_REQUESTS)) {
            assertThat(followUp.update("sr-open", new Change("closed", "x", null), actor))
                    .isEqualTo(new NotPermitted(Permission.FOLLOW_SERVICE_REQUESTS));
        }
        verify(requests, never()).find(any());
        verifyNoInteractions(orders, cancellations, credits, activityLog, transactions);
        assertThat(followUp.update("nope", new Change("closed", null, null), SUPPORT)).isInstanceOf(RequestNotFound.class);
    }

    @Test
    void badInputIsRefusedNamingTheFieldBeforeTheRequestIsRead() {
        String tooLong = "x".repeat(ServiceRequestFollowUp.MAX_NOTE_LENGTH + 1);
        assertThat(followUp.update("sr-open", new Change(null, null, null), SUPPORT))
                .isEqualTo(new Refused("service_request_change_missing", "status"));
        assertThat(followUp.update("sr-open", new Change("none", null, null), SUPPORT)).isEqualTo(new Refused("service_request_status_invalid", "status"));
        assertThat(followUp.update("sr-open", new Change("cancelled", null, null), SUPPORT)).isEqualTo(new Refused("service_request_status_invalid", "status"));
        assertThat(followUp.update("sr-open", new Change(null, " ", null), PARTNER)).isEqualTo(new Refused("note_text_invalid", "newNote.text"));
        assertThat(followUp.update("sr-open", new Change(null, tooLong, null), PARTNER)).isEqualTo(new Refused("note_text_invalid", "newNote.text"));
        assertThat(followUp.update("sr-open", new Change("resolved", null, null), SUPPORT))
                .isEqualTo(new Refused("resolution_required", "resolution"));
        assertThat(followUp.update("sr-open", new Change("closed", null, approve("1.00", "EUR")), SUPPORT))
                .isEqualTo(new Refused("resolution_status_mismatch", "status"));
        assertThat(followUp.update("sr-open", new Change(null, null, new ResolutionInput("maybe", null, null, "x")), SUPPORT))
                .isEqualTo(new Refused("resolution_outcome_invalid", "resolution.outcome"));
        assertThat(followUp.update("sr-open", new Change(null, null, new ResolutionInput("declined", null, null, " ")), SUPPORT))
                .isEqualTo(new Refused("decline_reason_required", "resolution.reason"));
        for (String amount : List.of("0", "-1.00", "1.001", "ten")) {
            assertThat(followUp.update("sr-open", new Change(null, null, approve(amount, "EUR")), SUPPORT)).as(amount)
                    .isEqualTo(new Refused("approved_amount_invalid", "resolution.approvedAmount"));
        }
        verify(requests, never()).find(any());
        verifyNoInteractions(activityLog);
    }

    @Test
    void closedIsFinalAndAMoveTheLifecycleDoesNotHaveIsAConflict() {
        stored("sr-closed", "closed", Optional.of("order-1"), Optional.empty());
        stored("sr-resolved", "resolved", Optional.of("order-1"), Optional.empty());
        assertThat(followUp.update("sr-closed", new Change("open", null, null), SUPPORT))
                .isEqualTo(new Conflict("service_request_transition_invalid"));
        assertThat(followUp.update("sr-closed", new Change(null, "Hello?", null), PARTNER)).isEqualTo(new Conflict("service_request_closed"));
        assertThat(followUp.update("sr-resolved", new Change("in_progress", null, null), SUPPORT))
                .isEqualTo(new Conflict("service_request_transition_invalid"));
        // A second resolve: resolved → resolved is no move, whatever the outcome.
        assertThat(followUp.update("sr-resolved", new Change(null, null, decline("Again.")), SUPPORT))
                .isEqualTo(new Conflict("service_request_transition_invalid"));
        verify(requests, never()).changeStatus(any(), any(), any(), any());
        verify(requests, never()).addNote(any(), any());
        verifyNoInteractions(activityLog);
    }

    @Test
    void approvingRecordsTheAmountAsTheRefundCreditedWithinWhatTheOrderCanStillBeCredited() {
        stored("sr-taken", "in_progress", Optional.of("order-1"), Optional.empty());
        assertThat(followUp.update("sr-taken", new Change(null, null, approve("1300.01", "EUR")), SUPPORT))
                .isEqualTo(new Unprocessable("approved_amount_exceeds_creditable", "resolution.approvedAmount"));
        assertThat(followUp.update("sr-taken", new Change(null, null, approve("10.00", "USD")), SUPPORT))
                .isEqualTo(new Unprocessable("approved_amount_currency_mismatch", "resolution.approvedAmount"));
        stored("sr-subscription", "open", Optional.empty(), Optional.empty());
        assertThat(followUp.update("sr-subscription", new Change(null, null, approve("10.00", "EUR")), SUPPORT))
                .isEqualTo(new Unprocessable("refund_order_required", "resolution.approvedAmount"));
        verify(requests, never()).resolve(any(), any(), any(), any());

        assertThat(followUp.update("sr-taken", new Change("Resolved", "Refund approved.", approve("1300.00", "EUR")), SUPPORT))
                .isInstanceOf(Updated.class);
        Resolution expected = new Resolution("approved", Optional.of(Money.of("1300.00", "EUR")), Optional.empty(),
                "support.staff@partner.example", NOW);
        verify(requests).resolve("sr-taken", "in_progress", expected, Optional.of(Money.of("1300.00", "EUR")));
        verify(requests).addNote(eq("sr-taken"), any());
        // The refund is a credit note on the next invoice, linked to the request, explained by the request's title.
        ArgumentCaptor<List<Credits.CreditNote>> notes = ArgumentCaptor.captor();
        verify(credits).issue(notes.capture());
        assertThat(notes.getValue()).singleElement().satisfies(note -> {
            assertThat(note.reason()).isEqualTo(CreditReason.REFUND);
            assertThat(note.sourceRef()).contains("sr-taken");
            assertThat(note.credit().gross()).isEqualTo(Money.of("1300.00", "EUR"));
            assertThat(note.explanation()).contains("Refund");
        });
        verify(cancellations).addCredits(eq("order-1"), any());
        ActivityEntry record = logged();
        assertThat(record.operationType()).isEqualTo("resolve_service_request");
        assertThat(record.customizedData()).containsEntry("outcome", "approved").containsEntry("approvedAmount", "1300.00 EUR")
                .containsEntry("status", "resolved");
    }

    @Test
    void aRequestIsCreditedOnceEvenWhenReopenedOrWhenTheStoreMetAnotherResolve() {
        stored("sr-credited", "open", Optional.of("order-1"), Optional.of(Money.of("100.00", "EUR")));
        assertThat(followUp.update("sr-credited", new Change(null, null, approve("5.00", "EUR")), SUPPORT))
                .isEqualTo(new Conflict("refund_already_credited"));
        verify(requests, never()).resolve(any(), any(), any(), any());

        // The credit notes know the request credited already: nothing is written.
        when(credits.issuedFor(CreditReason.REFUND, "sr-open")).thenReturn(true);
        assertThat(followUp.update("sr-open", new Change(null, "Approved.", approve("5.00", "EUR")), SUPPORT))
                .isEqualTo(new Conflict("refund_already_credited"));
        verify(credits, never()).issue(any());
        verify(requests, never()).resolve(any(), any(), any(), any());

        // Two resolves at once: the store lets one through; the other throws its credit back (the transaction rolls
        // back) and changes nothing, not even its note.
        when(credits.issuedFor(CreditReason.REFUND, "sr-open")).thenReturn(false);
        when(requests.resolve(eq("sr-open"), any(), any(), any())).thenReturn(false);
        assertThat(followUp.update("sr-open", new Change(null, "Approved.", approve("5.00", "EUR")), SUPPORT))
                .isEqualTo(new Conflict("refund_already_credited"));
        verify(requests, never()).addNote(any(), any());
        ArgumentCaptor<ActivityEntry> records = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, org.mockito.Mockito.atMost(1)).append(records.capture());
        assertThat(records.getAllValues()).extracting(ActivityEntry::operationType).containsOnly("issue_credit");
    }

    @Test
    void decliningNeedsAReasonThePartnerReadsAndCreditsNothing() {
        assertThat(followUp.update("sr-open", new Change("resolved", null, decline("Outside the refund window.")), SUPPORT))
                .isInstanceOf(Updated.class);
        verify(requests).resolve("sr-open", "open", new Resolution("declined", Optional.empty(),
                Optional.of("Outside the refund window."), "support.staff@partner.example", NOW), Optional.empty());
        assertThat(logged().customizedData()).containsEntry("outcome", "declined").doesNotContainKey("approvedAmount");
        verifyNoInteractions(orders, cancellations, credits);
    }

    private static ResolutionInput approve(String amount, String currency) {
        return new ResolutionInput("approved", amount, currency, null);
    }

    private static ResolutionInput decline(String reason) {
        return new ResolutionInput("Declined", null, null, reason);
    }

    private ActivityEntry logged() {
        ArgumentCaptor<ActivityEntry> records = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, org.mockito.Mockito.atLeastOnce()).append(records.capture());
        return records.getValue();
    }

    private void stored(String id, String status, Optional<String> orderId, Optional<Money> credited) {
        ServiceRequestView view = new ServiceRequestView(id, status, SupportDesk.CATEGORY, "moderate", "Refund",
                new ServiceRequestView.Description(TENANT, orderId, orderId.isPresent() ? Optional.empty() : Optional.of("sub-1"),
                        "Bought twice", Money.of("100.00", "EUR")),
                new ServiceRequestView.Contact("Anna", "anna@partner.example", "+36 1 234 5678"), FILED,
                "admin.agent@partner.example", List.of(), List.of(), Optional.empty(), credited, FILED);
        when(requests.find(id)).thenReturn(Optional.of(view));
    }
}
