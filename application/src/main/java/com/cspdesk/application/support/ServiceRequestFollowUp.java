package com.cspdesk.application.support;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.credits.CreditNoteIssuing;
import com.cspdesk.application.credits.port.in.IssueCreditNote;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.ServiceRequestView.NoteView;
import com.cspdesk.application.support.port.in.ServiceRequestView.Resolution;
import com.cspdesk.application.support.port.in.UpdateServiceRequest;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.credit.ManualCreditRefusal;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.support.ServiceRequestLifecycle;
import com.cspdesk.domain.support.ServiceRequestLifecycle.Side;
import com.cspdesk.domain.support.ServiceRequestLifecycle.Verdict;
import com.cspdesk.domain.support.ServiceRequestStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Support requests that end (#16 item 4): Partner Center's PATCH of a service request — a status, a new
 * note, or both — for both sides, and support staff's resolution of a refund request. The side is the
 * caller's: support staff ({@code HANDLE_SERVICE_REQUESTS}) or the partner's agents
 * ({@code FILE_SERVICE_REQUEST}); {@link ServiceRequestLifecycle} says which moves are whose.
 *
 * <p>Resolving with an approved amount issues the refund's credit note on the next monthly invoice
 * ({@link CreditNoteIssuing#credit}, reason {@code refund}, linked to the request) in the same transaction,
 * and records it as the refund credited for the request, once: the credit notes and the store each refuse a
 * second credit for the same request ({@code refund_already_credited}), however the request was reopened
 * and resolved again, and a resolve that meets a moved request changes nothing (its credit is rolled back).
 * The amount is positive, in the order's currency, and at most what the order can still be credited
 * (its gross minus the credits already given). A status equal to the current one is no move (a client
 * may send the status it read along with a note); a resolution always is one.
 */
public final class ServiceRequestFollowUp implements UpdateServiceRequest {

    public static final int MAX_NOTE_LENGTH = 4000;
    static final String REQUEST_NOT_FOUND = SupportDesk.REQUEST_NOT_FOUND;

    private final ServiceRequests requests;
    private final Orders orders;
    private final OrderCancellations cancellations;
    private final Customers customers;
    private final CreditNoteIssuing creditNotes;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;

    public ServiceRequestFollowUp(ServiceRequests requests, Orders orders, OrderCancellations cancellations, Customers customers,
                                  CreditNoteIssuing creditNotes, ActivityLog activityLog, Transactions transactions, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.cancellations = cancellations;
        this.customers = customers;
        this.creditNotes = creditNotes;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UpdateResult update(String requestId, Change change, Actor actor) {
        if (!actor.may(Permission.FOLLOW_SERVICE_REQUESTS)) {
            return new NotPermitted(Permission.FOLLOW_SERVICE_REQUESTS);
        }
        Side side;
        if (actor.may(Permission.HANDLE_SERVICE_REQUESTS)) {
            side = Side.SUPPORT;
        } else if (actor.may(Permission.FILE_SERVICE_REQUEST)) {
            side = Side.PARTNER;
        } else {
            return new NotPermitted(Permission.FILE_SERVICE_REQUEST);
        }
        boolean hasStatus = change.status() != null;
        boolean hasNote = change.noteText() != null;
        boolean hasResolution = change.resolution() != null;
        if (!hasStatus && !hasNote && !hasResolution) {
            return new Refused("service_request_change_missing", "status");
        }
        Optional<ServiceRequestStatus> wanted = Optional.empty();
        if (hasStatus) {
            wanted = ServiceRequestStatus.parse(change.status());
            if (wanted.isEmpty()) {
                return new Refused("service_request_status_invalid", "status");
            }
        }
        if (hasNote && (change.noteText().isBlank() || change.noteText().strip().length() > MAX_NOTE_LENGTH)) {
            return new Refused("note_text_invalid", "newNote.text");
        }
        if (hasResolution && wanted.isPresent() && wanted.get() != ServiceRequestStatus.RESOLVED) {
            return new Refused("resolution_status_mismatch", "status");
        }
        if (!hasResolution && wanted.filter(ServiceRequestStatus.RESOLVED::equals).isPresent() && side == Side.SUPPORT) {
            return new Refused("resolution_required", "resolution");
        }
        if (hasResolution && side != Side.SUPPORT) {
            return new NotPermitted(Permission.HANDLE_SERVICE_REQUESTS);
        }
        Optional<ResolutionInput> resolution = Optional.ofNullable(change.resolution());
        Optional<Money> approved = Optional.empty();
        if (resolution.isPresent()) {
            String outcome = resolution.get().outcome() == null ? "" : resolution.get().outcome().strip().toLowerCase(Locale.ROOT);
            if (!outcome.equals(Resolution.APPROVED) && !outcome.equals(Resolution.DECLINED)) {
                return new Refused("resolution_outcome_invalid", "resolution.outcome");
            }
            String reason = resolution.get().reason();
            if (reason != null && reason.strip().length() > MAX_NOTE_LENGTH) {
                return new Refused("decline_reason_required", "resolution.reason");
            }
            if (outcome.equals(Resolution.DECLINED) && (reason == null || reason.isBlank())) {
                return new Refused("decline_reason_required", "resolution.reason");
            }
            if (outcome.equals(Resolution.APPROVED)) {
                approved = SupportDesk.amount(resolution.get().amount(), resolution.get().currency());
                if (approved.isEmpty()) {
                    return new Refused("approved_amount_invalid", "resolution.approvedAmount");
                }
            }
        }

        Optional<ServiceRequestView> found = requestId == null ? Optional.empty() : requests.find(requestId.strip());
        if (found.isEmpty()) {
            return new RequestNotFound();
        }
        ServiceRequestView request = found.get();
        ServiceRequestStatus from = ServiceRequestStatus.ofCode(request.status());
        ServiceRequestStatus to = hasResolution ? ServiceRequestStatus.RESOLVED : wanted.orElse(from);
        boolean moves = hasResolution || to != from;
        if (moves) {
            Verdict verdict = ServiceRequestLifecycle.move(from, to, side);
            if (verdict == Verdict.NO_SUCH_MOVE) {
                return new Conflict("service_request_transition_invalid");
            }
            if (verdict == Verdict.NOT_THIS_SIDE) {
                return new NotPermitted(Permission.HANDLE_SERVICE_REQUESTS);
            }
        }
        if (hasNote && !ServiceRequestLifecycle.takesNotes(from)) {
            return new Conflict("service_request_closed");
        }
        if (!moves && !hasNote) {
            // The status it has already, and nothing else: nothing changes, nothing is recorded.
            return new Updated(request);
        }
        if (approved.isPresent()) {
            if (request.refundCredited().isPresent()) {
                return new Conflict("refund_already_credited");
            }
            Optional<UpdateResult> bound = creditable(request, approved.get());
            if (bound.isPresent()) {
                return bound.get();
            }
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Money> credit = approved;
        Optional<Resolution> resolved = resolution.map(r -> new Resolution(
                r.outcome().strip().toLowerCase(Locale.ROOT), credit, Optional.ofNullable(r.reason()).map(String::strip)
                        .filter(text -> !text.isEmpty()), actor.username(), now));
        try {
            return transactions.inTransaction(() -> apply(request, from, to, moves, side, change, resolved, now, actor));
        } catch (ResolvedMeanwhile lost) {
            // The credit was issued and rolled back with the rest: another resolve got there first.
            return new Conflict("refund_already_credited");
        }
    }

    /** The change, in the caller's transaction: the refund credited first (it refuses before it writes), then the request. */
    private UpdateResult apply(ServiceRequestView request, ServiceRequestStatus from, ServiceRequestStatus to, boolean moves,
                               Side side, Change change, Optional<Resolution> resolved, Instant now, Actor actor) {
        boolean hasNote = change.noteText() != null;
        Optional<Money> credit = resolved.flatMap(Resolution::approvedAmount);
        if (credit.isPresent()) {
            Optional<UpdateResult> refused = creditRefund(request, resolved.get(), credit.get(), actor);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (resolved.isPresent()) {
            if (!requests.resolve(request.id(), from.code(), resolved.get(), credit)) {
                if (credit.isPresent()) {
                    throw new ResolvedMeanwhile();
                }
                return new Conflict("service_request_transition_invalid");
            }
        } else if (moves && !requests.changeStatus(request.id(), from.code(), to.code(), now)) {
            return new Conflict("service_request_transition_invalid");
        }
        if (hasNote) {
            requests.addNote(request.id(), new NoteView(UUID.randomUUID().toString(), actor.username(), side.code(), now,
                    change.noteText().strip()));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("side", side.code());
        if (moves) {
            data.put("statusFrom", from.code());
            data.put("status", to.code());
        }
        data.put("noteAdded", Boolean.toString(hasNote));
        resolved.ifPresent(r -> {
            data.put("outcome", r.outcome());
            r.approvedAmount().ifPresent(amount -> data.put("approvedAmount",
                    amount.amount().toPlainString() + " " + amount.currency().getCurrencyCode()));
        });
        Operation operation = resolved.isPresent() ? Operation.RESOLVE_SERVICE_REQUEST : Operation.UPDATE_SERVICE_REQUEST;
        activityLog.append(AdminActs.by(actor, now, operation.kind(), Resource.SERVICE_REQUEST.kind(), request.id(), data));
        return new Updated(requests.find(request.id()).orElseThrow());
    }

    /**
     * The approved refund as a credit note on the next monthly invoice ({@link CreditNoteIssuing#credit}, reason
     * {@code refund}, linked to the request so it credits once), on the order locked for the rest of the
     * transaction; empty when credited, else why not (nothing written). Its explanation on the invoice is
     * support's reason, or the request's title.
     */
    private Optional<UpdateResult> creditRefund(ServiceRequestView request, Resolution resolution, Money amount, Actor actor) {
        String tenant = request.description().customerTenantIdOrDomain();
        Optional<Orders.StoredOrder> order = cancellations.lockForCancellation(tenant, request.description().orderId().orElseThrow());
        Optional<Customers.Customer> customer = customers.byTenantId(tenant);
        if (order.isEmpty() || customer.isEmpty()) {
            return Optional.of(new Unprocessable("refund_order_not_found", "resolution.approvedAmount"));
        }
        IssueCreditNote.IssueResult result = creditNotes.credit(order.get(), customer.get(), CreditReason.REFUND, amount,
                resolution.reason().orElse(request.title()), Optional.of(request.id()), actor);
        if (result instanceof IssueCreditNote.Issued) {
            return Optional.empty();
        }
        if (result instanceof IssueCreditNote.AlreadyCredited) {
            return Optional.of(new Conflict("refund_already_credited"));
        }
        String code = result instanceof IssueCreditNote.Refused refused ? refused.code() : "";
        return Optional.of(code.equals(ManualCreditRefusal.CURRENCY_MISMATCH.code())
                ? new Unprocessable("approved_amount_currency_mismatch", "resolution.approvedAmount")
                : new Unprocessable("approved_amount_exceeds_creditable", "resolution.approvedAmount"));
    }

    /** A resolve that met a request resolved meanwhile, after its credit was issued: rolls the transaction back. */
    private static final class ResolvedMeanwhile extends RuntimeException {
        ResolvedMeanwhile() {
            super("the service request was resolved meanwhile", null, false, false);
        }
    }

    /** Empty when the request's order can still be credited this much; else why not. */
    private Optional<UpdateResult> creditable(ServiceRequestView request, Money amount) {
        if (request.description().orderId().isEmpty()) {
            return Optional.of(new Unprocessable("refund_order_required", "resolution.approvedAmount"));
        }
        Optional<Orders.StoredOrder> order = orders.find(request.description().customerTenantIdOrDomain(),
                request.description().orderId().get());
        if (order.isEmpty()) {
            return Optional.of(new Unprocessable("refund_order_not_found", "resolution.approvedAmount"));
        }
        if (!amount.hasCurrency(order.get().currency())) {
            return Optional.of(new Unprocessable("approved_amount_currency_mismatch", "resolution.approvedAmount"));
        }
        if (amount.isGreaterThan(SupportDesk.creditable(order.get()))) {
            return Optional.of(new Unprocessable("approved_amount_exceeds_creditable", "resolution.approvedAmount"));
        }
        return Optional.empty();
    }
}
