package com.cspdesk.application.credits;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.credits.port.in.IssueCreditNote;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.credit.CreditableLine;
import com.cspdesk.domain.credit.ManualCreditDecision;
import com.cspdesk.domain.credit.ManualCreditPolicy;
import com.cspdesk.domain.credit.ManualCreditRefusal;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Manual credit notes (issue #16 item 5) and, for a service request resolved with an approved amount, the
 * refund's credit ({@link #credit}, inside that use case's transaction): {@link ManualCreditPolicy} decides and
 * spreads the amount over the order's lines; each line's share is a credit note (landing on the next monthly
 * invoice) and is added to what the line has been credited, so a later cancellation or refund credits only
 * the rest; one {@code issue_credit} record names them all.
 */
public final class CreditNoteIssuing implements IssueCreditNote {

    static final String REASON_UNKNOWN = "credit_reason_unknown";
    static final String AMOUNT_INVALID = ManualCreditRefusal.AMOUNT_NOT_POSITIVE.code();

    private final VisibleCustomers visibleCustomers;
    private final OrderCancellations orders;
    private final Credits credits;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final ManualCreditPolicy policy = new ManualCreditPolicy();
    private final Clock clock;

    public CreditNoteIssuing(Customers customers, OrderCancellations orders, Credits credits, ActivityLog activityLog,
                             Transactions transactions, Clock clock) {
        this.visibleCustomers = new VisibleCustomers(customers);
        this.orders = orders;
        this.credits = credits;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public IssueResult issue(NewCreditNote command, Actor actor) {
        if (!actor.may(Permission.ISSUE_CREDIT_NOTE)) {
            return new NotPermitted(Permission.ISSUE_CREDIT_NOTE);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(command.customer(), actor);
        if (customer.isEmpty()) {
            return new CustomerNotFound();
        }
        if (command.orderId() == null || command.orderId().isBlank()) {
            return new OrderNotFound();
        }
        Optional<CreditReason> reason = CreditReason.fromCode(command.reason());
        if (reason.isEmpty()) {
            return new Refused(REASON_UNKNOWN, Optional.empty());
        }
        Optional<Money> amount = Money.parsePositive(command.amount(), command.currency());
        if (amount.isEmpty()) {
            return new Refused(AMOUNT_INVALID, Optional.empty());
        }
        return transactions.inTransaction(() -> orders.lockForCancellation(customer.get().tenantId(), command.orderId().strip())
                .<IssueResult>map(order -> credit(order, customer.get(), reason.get(), amount.get(), command.explanation(),
                        Optional.empty(), actor))
                .orElseGet(OrderNotFound::new));
    }

    /**
     * Credits an order its caller has locked ({@link OrderCancellations#lockForCancellation}) in its own
     * transaction; a {@code sourceRef} (a service request's id) credits at most once. Answers
     * {@link Issued}, {@link Refused} or {@link AlreadyCredited}; a refusal has changed nothing.
     */
    public IssueResult credit(Orders.StoredOrder order, Customers.Customer customer, CreditReason reason, Money amount,
                              String explanation, Optional<String> sourceRef, Actor actor) {
        if (sourceRef.isPresent() && credits.issuedFor(reason, sourceRef.get())) {
            return new AlreadyCredited();
        }
        List<CreditableLine> lines = order.lines().stream()
                .map(line -> new CreditableLine(line.lineItemNumber(), line.charged(), line.credited())).toList();
        ManualCreditDecision decision = policy.decide(reason, explanation, amount, lines);
        if (decision instanceof ManualCreditDecision.Refused refused) {
            return new Refused(refused.reason().code(), Optional.of(refused.creditable()));
        }
        ManualCreditDecision.Allocated allocated = (ManualCreditDecision.Allocated) decision;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        String why = explanation.strip();
        List<Credits.CreditNote> notes = new ArrayList<>();
        Map<Integer, PriceQuote> byLine = new LinkedHashMap<>();
        List<LineCredit> shares = new ArrayList<>();
        for (ManualCreditDecision.LineCredit share : allocated.lines()) {
            Orders.StoredLine line = order.lines().stream().filter(l -> l.lineItemNumber() == share.lineItemNumber())
                    .findFirst().orElseThrow();
            notes.add(new Credits.CreditNote(id + "-" + share.lineItemNumber(), order.customerTenantId(), order.id(),
                    share.lineItemNumber(), line.kind(), share.credit(), now, actor.username(), reason, Optional.of(why),
                    sourceRef));
            byLine.put(share.lineItemNumber(), share.credit());
            shares.add(new LineCredit(share.lineItemNumber(), share.credit()));
        }
        credits.issue(notes);
        orders.addCredits(order.id(), byLine);
        CreditNoteView view = new CreditNoteView(id, order.customerTenantId(), order.id(), reason.code(), why,
                allocated.total(), shares, now, actor.username());
        log(view, customer, sourceRef, actor);
        return new Issued(view);
    }

    private void log(CreditNoteView note, Customers.Customer customer, Optional<String> sourceRef, Actor actor) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("orderId", note.orderId());
        data.put("reason", note.reason());
        data.put("explanation", note.explanation());
        sourceRef.ifPresent(source -> data.put("serviceRequestId", source));
        data.put("lineItems", String.join(",", note.lines().stream().map(l -> String.valueOf(l.lineItemNumber())).toList()));
        data.put("net", note.total().net().amount().toPlainString());
        data.put("tax", note.total().tax().amount().toPlainString());
        data.put("gross", note.total().gross().amount().toPlainString());
        data.put("currency", note.total().currency().getCurrencyCode());
        activityLog.append(new ActivityEntry(note.issuedAt(), Operation.ISSUE_CREDIT.kind(), ActivityEntry.SUCCEEDED,
                actor.username(), actor.applicationId().orElse(null), customer.tenantId(), customer.companyName(),
                Resource.CREDIT.kind(), note.id(), data));
    }
}
