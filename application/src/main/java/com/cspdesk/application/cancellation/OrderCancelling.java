package com.cspdesk.application.cancellation;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.in.CancellationPreview;
import com.cspdesk.application.cancellation.port.in.PreviewCancellation;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.cancellation.CancellationCredit;
import com.cspdesk.domain.cancellation.CancellationDecision;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.cancellation.Purchase;
import com.cspdesk.domain.cancellation.ReservationRefunds;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.UsdEquivalents;
import com.cspdesk.domain.order.CancelledLine;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.Order;
import com.cspdesk.domain.order.OrderChange;
import com.cspdesk.domain.order.OrderId;
import com.cspdesk.domain.order.OrderLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Spec "Cancel a purchase", "Post-cancellation details": the preview the Cancel dialog shows,
 * and the cancellation itself — the domain's policy decides every line, the order aggregate
 * applies it all or nothing, and the credits go to the next monthly invoice.
 */
public final class OrderCancelling implements PreviewCancellation, CancelOrder {

    /** Anchor facts: the reservation refund limit counts the refunds of a rolling twelve months. */
    static final Duration REFUND_PERIOD = Duration.ofDays(365);
    static final String ORDER_NOT_FOUND = "order_not_found";

    private final VisibleCustomers visibleCustomers;
    private final Orders orders;
    private final OrderCancellations cancellations;
    private final SoftwareRevocations revocations;
    private final Credits credits;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final CancellationPolicy policy;
    private final CancellationCredit creditPolicy;
    private final UsdEquivalents usdEquivalents;
    private final Clock clock;

    public OrderCancelling(Customers customers, Orders orders, OrderCancellations cancellations,
                           SoftwareRevocations revocations, Credits credits, ActivityLog activityLog,
                           Transactions transactions, CancellationPolicy policy, UsdEquivalents usdEquivalents, Clock clock) {
        this.visibleCustomers = new VisibleCustomers(customers);
        this.orders = orders;
        this.cancellations = cancellations;
        this.revocations = revocations;
        this.credits = credits;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.policy = policy;
        this.creditPolicy = new CancellationCredit();
        this.usdEquivalents = usdEquivalents;
        this.clock = clock;
    }

    @Override
    public Lookup<CancellationPreview> preview(CustomerRef customerRef, String orderId, Actor actor) {
        if (!actor.may(Permission.VIEW_ORDERS)) {
            return Lookup.notPermitted(Permission.VIEW_ORDERS);
        }
        return Lookup.of(visibleCustomers.resolve(customerRef, actor), VisibleCustomers.NOT_FOUND)
                .flatMap(customer -> Lookup.of(orderId == null ? Optional.empty()
                        : orders.find(customer.tenantId(), orderId.strip()), ORDER_NOT_FOUND))
                .map(order -> preview(order, decide(order, activeLines(order), now())));
    }

    @Override
    public CancelResult cancel(CancelCommand command, Actor actor) {
        if (!actor.may(Permission.CANCEL_PURCHASE)) {
            return new NotPermitted(Permission.CANCEL_PURCHASE);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(command.customer(), actor);
        if (customer.isEmpty()) {
            return new CustomerNotFound();
        }
        if (command.orderId() == null) {
            return new OrderNotFound();
        }
        return transactions.inTransaction(() -> {
            Optional<Orders.StoredOrder> locked = cancellations.lockForCancellation(customer.get().tenantId(),
                    command.orderId().strip());
            if (locked.isEmpty()) {
                return new OrderNotFound();
            }
            Orders.StoredOrder order = locked.get();
            if (!command.acknowledgement().given()) {
                return new NotAcknowledged();
            }
            List<Integer> named = command.lineItemNumbers().isEmpty() ? activeLines(order) : command.lineItemNumbers();
            for (int number : named) {
                if (line(order, number).isEmpty()) {
                    return new UnknownLine(number);
                }
            }
            if (named.isEmpty()) {
                return new Refused("already_cancelled", Optional.empty(), false);
            }
            Instant now = now();
            Map<Integer, CancellationDecision> decisions = decide(order, named, now);
            OrderChange change = aggregate(order).cancel(decisions, now);
            if (change instanceof OrderChange.Refused refused) {
                boolean supportRequest = refused.reason().code().equals("support_request_required");
                return new Refused(refused.reason().code(), refused.lineItemNumber(), supportRequest);
            }
            Order cancelled = ((OrderChange.Applied) change).order();
            List<OrderCancellations.CancelledLine> lines = new ArrayList<>();
            List<Credits.CreditNote> notes = new ArrayList<>();
            PriceQuote total = PriceQuote.zero(order.currency());
            for (int number : new TreeMap<>(decisions).keySet()) {
                PriceQuote credit = ((CancellationDecision.Cancellable) decisions.get(number)).credit();
                total = total.plus(credit);
                // A goodwill credit or refund given before stays: the line's credited total grows by this credit.
                lines.add(new OrderCancellations.CancelledLine(number, line(order, number).get().credited().plus(credit), now));
                notes.add(new Credits.CreditNote(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), number,
                        line(order, number).get().kind(), credit, now, actor.username()));
            }
            cancellations.markCancelled(order.id(), lines, cancelled.status());
            revocations.revoke(order.id(), new ArrayList<>(decisions.keySet()));
            credits.issue(notes);
            log(order, customer.get(), actor, notes, total, now);
            Orders.StoredOrder after = orders.find(order.customerTenantId(), order.id()).orElseThrow();
            return new Cancelled(view(after), total);
        });
    }

    /** The policy's decision for each line; reservations share the customer's refund allowance. */
    private Map<Integer, CancellationDecision> decide(Orders.StoredOrder order, List<Integer> numbers, Instant now) {
        Map<Integer, CancellationDecision> decisions = new LinkedHashMap<>();
        Money refundedUsd = null;
        for (int number : numbers) {
            Orders.StoredLine line = line(order, number).orElseThrow();
            Purchase purchase = new Purchase(line.kind(), line.term(), order.createdAt(), line.charged(), line.credited(),
                    line.status() == LineStatus.CANCELLED);
            if (line.kind().isAzureReservation() && !purchase.alreadyCancelled()) {
                if (refundedUsd == null) {
                    refundedUsd = Money.zero(ReservationRefunds.USD);
                    for (Money refund : credits.reservationRefundsSince(order.customerTenantId(), now.minus(REFUND_PERIOD))) {
                        refundedUsd = refundedUsd.plus(usdEquivalents.toUsd(refund));
                    }
                }
                Money thisCreditUsd = usdEquivalents.toUsd(creditPolicy.creditFor(purchase, now).gross());
                CancellationDecision decision = policy.decide(purchase, now, new ReservationRefunds(refundedUsd, thisCreditUsd));
                if (decision instanceof CancellationDecision.Cancellable) {
                    refundedUsd = refundedUsd.plus(thisCreditUsd);
                }
                decisions.put(number, decision);
            } else {
                decisions.put(number, policy.decide(purchase, now));
            }
        }
        return decisions;
    }

    private static CancellationPreview preview(Orders.StoredOrder order, Map<Integer, CancellationDecision> decisions) {
        List<CancellationPreview.Line> lines = new ArrayList<>();
        PriceQuote total = PriceQuote.zero(order.currency());
        for (Orders.StoredLine line : order.lines()) {
            CancellationDecision decision = decisions.get(line.lineItemNumber());
            if (decision == null) {
                lines.add(new CancellationPreview.Line(line.lineItemNumber(), line.friendlyName(), false,
                        Optional.of("already_cancelled"), Optional.empty(), 0, PriceQuote.zero(order.currency())));
                continue;
            }
            PriceQuote credit = decision instanceof CancellationDecision.Cancellable c ? c.credit()
                    : decision instanceof CancellationDecision.SupportRequestRequired s ? s.credit() : PriceQuote.zero(order.currency());
            total = total.plus(credit);
            lines.add(new CancellationPreview.Line(line.lineItemNumber(), line.friendlyName(), decision.cancellable(),
                    decision.refusal().map(r -> r.code()), decision.windowEnd(), decision.daysRemaining(), credit));
        }
        Optional<CancellationDecision> firstRefusal = decisions.values().stream().filter(d -> !d.cancellable()).findFirst();
        boolean cancellable = !decisions.isEmpty() && firstRefusal.isEmpty();
        Optional<String> reason = decisions.isEmpty() ? Optional.of("already_cancelled")
                : firstRefusal.flatMap(CancellationDecision::refusal).map(r -> r.code());
        Optional<Instant> windowEnd = decisions.values().stream().map(CancellationDecision::windowEnd)
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
        long days = decisions.values().stream().mapToLong(CancellationDecision::daysRemaining).min().orElse(0);
        boolean support = decisions.values().stream().anyMatch(CancellationDecision::supportRequestRequired);
        return new CancellationPreview(order.id(), cancellable, reason, windowEnd, days, support, lines,
                cancellable ? total : PriceQuote.zero(order.currency()));
    }

    private void log(Orders.StoredOrder order, Customers.Customer customer, Actor actor, List<Credits.CreditNote> notes,
                     PriceQuote total, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        // The order is also the record's resource; named here too, as every other record about an order does (#17).
        data.put("orderId", order.id());
        data.put("lineItems", String.join(",", notes.stream().map(n -> String.valueOf(n.lineItemNumber())).toList()));
        data.put("creditGross", total.gross().amount().toPlainString());
        data.put("currency", order.currency().getCurrencyCode());
        activityLog.append(new ActivityEntry(now, Operation.CANCEL_ORDER.kind(), ActivityEntry.SUCCEEDED, actor.username(), actor.applicationId().orElse(null),
                customer.tenantId(), customer.companyName(), Resource.ORDER.kind(), order.id(), data));
        for (Credits.CreditNote note : notes) {
            Map<String, String> credit = new LinkedHashMap<>();
            credit.put("orderId", order.id());
            credit.put("lineItemNumber", String.valueOf(note.lineItemNumber()));
            credit.put("net", note.credit().net().amount().toPlainString());
            credit.put("tax", note.credit().tax().amount().toPlainString());
            credit.put("gross", note.credit().gross().amount().toPlainString());
            credit.put("currency", order.currency().getCurrencyCode());
            activityLog.append(new ActivityEntry(now, Operation.ISSUE_CREDIT.kind(), ActivityEntry.SUCCEEDED, actor.username(), actor.applicationId().orElse(null),
                    customer.tenantId(), customer.companyName(), Resource.CREDIT.kind(), note.id(), credit));
        }
    }

    /** The stored order as the domain's aggregate, to let it judge the transition. */
    private static Order aggregate(Orders.StoredOrder order) {
        List<OrderLine> lines = new ArrayList<>();
        for (Orders.StoredLine line : order.lines()) {
            com.cspdesk.domain.order.OfferId offer = new com.cspdesk.domain.order.OfferId(line.offerId());
            if (line.status() == LineStatus.CANCELLED) {
                lines.add(new CancelledLine(line.lineItemNumber(), offer, line.kind(), line.term(), line.quantity(),
                        line.unitPrice(), line.charged(), line.credited(), line.cancelledAt().orElse(order.createdAt())));
            } else {
                lines.add(new com.cspdesk.domain.order.ActiveLine(line.lineItemNumber(), offer, line.kind(), line.term(),
                        line.quantity(), line.unitPrice(), line.charged()));
            }
        }
        return Order.restore(new OrderId(order.id()), order.customerTenantId(), order.createdAt(), true, lines);
    }

    private static List<Integer> activeLines(Orders.StoredOrder order) {
        return order.lines().stream().filter(l -> l.status() == LineStatus.ACTIVE).map(Orders.StoredLine::lineItemNumber).toList();
    }

    private static Optional<Orders.StoredLine> line(Orders.StoredOrder order, int number) {
        return order.lines().stream().filter(l -> l.lineItemNumber() == number).findFirst();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OrderView view(Orders.StoredOrder order) {
        return com.cspdesk.application.ordering.OrderViews.view(order);
    }
}
