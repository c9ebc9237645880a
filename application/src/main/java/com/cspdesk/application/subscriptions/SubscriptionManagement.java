package com.cspdesk.application.subscriptions;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.subscriptions.port.in.ChangeSubscription;
import com.cspdesk.application.subscriptions.port.in.GetSubscription;
import com.cspdesk.application.subscriptions.port.in.ListSubscriptions;
import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.subscription.RenewalCancellationPolicy;
import com.cspdesk.domain.subscription.Subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issue #16: a customer's subscriptions read, their auto-renew switched, a renewal cancelled. The rules
 * are the domain's ({@link Subscription#switchAutoRenew}, {@link RenewalCancellationPolicy}); cancelling
 * a subscription in its first term is cancelling its order line, so it is the order cancellation
 * ({@link CancelOrder}: its window, credit, revocation and records), in the same transaction as the
 * subscription's end. Every change is a compare-and-set on the state it was decided from, so a renewal
 * running at the same moment is never overwritten.
 */
public final class SubscriptionManagement implements ListSubscriptions, GetSubscription, ChangeSubscription {

    static final String TOKEN_KIND = "subscriptions";
    static final String SUBSCRIPTION_NOT_FOUND = "subscription_not_found";
    /** A change that lost its compare-and-set this many times (a renewal each time) gives up. */
    private static final int ATTEMPTS = 3;

    private final VisibleCustomers visibleCustomers;
    private final Subscriptions subscriptions;
    private final CancelOrder cancelOrder;
    private final SoftwareRevocations revocations;
    private final Credits credits;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final RenewalCancellationPolicy renewalCancellation;
    private final Clock clock;

    public SubscriptionManagement(Customers customers, Subscriptions subscriptions, CancelOrder cancelOrder,
                                  SoftwareRevocations revocations, Credits credits, ActivityLog activityLog,
                                  Transactions transactions, RenewalCancellationPolicy renewalCancellation, Clock clock) {
        this.visibleCustomers = new VisibleCustomers(customers);
        this.subscriptions = subscriptions;
        this.cancelOrder = cancelOrder;
        this.revocations = revocations;
        this.credits = credits;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.renewalCancellation = renewalCancellation;
        this.clock = clock;
    }

    @Override
    public Lookup<Page<SubscriptionView>> list(CustomerRef customerRef, PageRequest page, Actor actor) {
        if (!actor.may(Permission.VIEW_ORDERS)) {
            return Lookup.notPermitted(Permission.VIEW_ORDERS);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(customerRef, actor);
        if (customer.isEmpty()) {
            return Lookup.notFound(VisibleCustomers.NOT_FOUND);
        }
        String tenant = customer.get().tenantId();
        Optional<Subscriptions.Cursor> after = page.continuationToken().map(token -> cursor(tenant, token));
        List<Subscriptions.Stored> rows = subscriptions.page(tenant, after, page.size() + 1);
        boolean more = rows.size() > page.size();
        List<Subscriptions.Stored> shown = more ? rows.subList(0, page.size()) : rows;
        Optional<String> next = Optional.empty();
        if (more) {
            Subscription last = shown.get(shown.size() - 1).subscription();
            next = Optional.of(ContinuationTokens.encode(TOKEN_KIND, tenant, last.createdAt().toString(), last.id()));
        }
        Instant now = now();
        return Lookup.found(new Page<>(shown.stream().map(s -> SubscriptionViews.view(s, renewalCancellation, now)).toList(),
                subscriptions.count(tenant), next));
    }

    @Override
    public Lookup<SubscriptionView> get(CustomerRef customerRef, String subscriptionId, Actor actor) {
        if (!actor.may(Permission.VIEW_ORDERS)) {
            return Lookup.notPermitted(Permission.VIEW_ORDERS);
        }
        Instant now = now();
        return Lookup.of(visibleCustomers.resolve(customerRef, actor), VisibleCustomers.NOT_FOUND)
                .flatMap(customer -> Lookup.of(find(customer.tenantId(), subscriptionId), SUBSCRIPTION_NOT_FOUND))
                .map(stored -> SubscriptionViews.view(stored, renewalCancellation, now));
    }

    @Override
    public ChangeResult change(ChangeCommand command, Actor actor) {
        Permission needed = command.change() instanceof Cancel ? Permission.CANCEL_PURCHASE : Permission.MANAGE_SUBSCRIPTIONS;
        if (!actor.may(needed)) {
            return new NotPermitted(needed);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(command.customer(), actor);
        if (customer.isEmpty()) {
            return new NotFound(VisibleCustomers.NOT_FOUND);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<ChangeResult> result = transactions.inTransaction(() -> attempt(command, customer.get(), actor));
            if (result.isPresent()) {
                return result.get();
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("subscription " + command.subscriptionId() + " kept changing under a change");
            }
        }
    }

    /** The change decided and applied; empty when the subscription changed meanwhile (nothing written: try again). */
    private Optional<ChangeResult> attempt(ChangeCommand command, Customers.Customer customer, Actor actor) {
        Optional<Subscriptions.Stored> found = find(customer.tenantId(), command.subscriptionId());
        if (found.isEmpty()) {
            return Optional.of(new NotFound(SUBSCRIPTION_NOT_FOUND));
        }
        Subscriptions.Stored stored = found.get();
        Subscription before = SubscriptionViews.effective(stored);
        Instant now = now();
        if (command.change() instanceof SwitchAutoRenew switchTo) {
            Subscription.Change change = before.switchAutoRenew(switchTo.on());
            if (change instanceof Subscription.Change.Refused refused) {
                return Optional.of(new Refused(refused.reason().code(), Optional.empty()));
            }
            Subscription after = ((Subscription.Change.Applied) change).subscription();
            if (after.autoRenew() != before.autoRenew()) {
                if (!subscriptions.replace(stored.subscription(), after)) {
                    return Optional.empty();
                }
                Map<String, String> data = new LinkedHashMap<>();
                data.put("autoRenewEnabled", String.valueOf(after.autoRenew()));
                log(Operation.UPDATE_SUBSCRIPTION, after, customer, actor, now, data);
            }
            return Optional.of(changed(stored, after, now));
        }
        if (before.ended().isEmpty() && !before.isRenewal()) {
            return cancelPurchase(command, stored, before, actor, now);
        }
        RenewalCancellationPolicy.Decision decision = renewalCancellation.decide(before, now);
        if (decision instanceof RenewalCancellationPolicy.Decision.Refused refused) {
            return Optional.of(new Refused(refused.reason().code(), refused.windowEndsAt()));
        }
        RenewalCancellationPolicy.Decision.Cancellable cancellable = (RenewalCancellationPolicy.Decision.Cancellable) decision;
        Subscription after = cancellable.cancelled();
        if (!subscriptions.replace(stored.subscription(), after)) {
            return Optional.empty();
        }
        revocations.revoke(after.orderId(), List.of(after.lineItemNumber()));
        // The renewed term's credit, once per term (its source); it does not count against the purchase's own charge,
        // which the renewal did not touch, so the line's credited total stays as it is.
        Credits.CreditNote note = new Credits.CreditNote(UUID.randomUUID().toString(), after.customerTenantId(), after.orderId(),
                after.lineItemNumber(), after.kind(), cancellable.credit(), now, actor.username(),
                CreditReason.RENEWAL_CANCELLATION, Optional.empty(), Optional.of(after.id() + ":" + after.termNumber()));
        credits.issue(List.of(note));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("termNumber", String.valueOf(after.termNumber()));
        data.put("creditGross", note.credit().gross().amount().toPlainString());
        data.put("currency", note.credit().currency().getCurrencyCode());
        log(Operation.CANCEL_SUBSCRIPTION_RENEWAL, after, customer, actor, now, data);
        Map<String, String> credit = new LinkedHashMap<>();
        credit.put("orderId", after.orderId());
        credit.put("lineItemNumber", String.valueOf(after.lineItemNumber()));
        credit.put("subscriptionId", after.id());
        credit.put("reason", CreditReason.RENEWAL_CANCELLATION.code());
        credit.put("net", note.credit().net().amount().toPlainString());
        credit.put("tax", note.credit().tax().amount().toPlainString());
        credit.put("gross", note.credit().gross().amount().toPlainString());
        credit.put("currency", note.credit().currency().getCurrencyCode());
        activityLog.append(new ActivityEntry(now, Operation.ISSUE_CREDIT.kind(), ActivityEntry.SUCCEEDED, actor.username(),
                actor.applicationId().orElse(null), customer.tenantId(), customer.companyName(), Resource.CREDIT.kind(), note.id(),
                credit));
        return Optional.of(changed(stored, after, now));
    }

    /** The first term: cancelling the subscription is cancelling its order line, by the order cancellation's rule. */
    private Optional<ChangeResult> cancelPurchase(ChangeCommand command, Subscriptions.Stored stored, Subscription before,
                                                  Actor actor, Instant now) {
        CancelOrder.CancelResult result = cancelOrder.cancel(new CancelOrder.CancelCommand(command.customer(),
                before.orderId(), Acknowledgement.apiCall(Optional.empty()), List.of(before.lineItemNumber())), actor);
        if (result instanceof CancelOrder.Cancelled) {
            Subscription after = before.cancelled();
            if (!subscriptions.replace(stored.subscription(), after)) {
                throw new IllegalStateException("subscription " + before.id() + " changed while its line was cancelled");
            }
            return Optional.of(changed(stored, after, now));
        }
        if (result instanceof CancelOrder.Refused refused) {
            return Optional.of(new Refused(refused.reason(), Optional.empty()));
        }
        if (result instanceof CancelOrder.NotPermitted notPermitted) {
            return Optional.of(new NotPermitted(notPermitted.permission()));
        }
        throw new IllegalStateException("the order line of subscription " + before.id() + " could not be cancelled: " + result);
    }

    private ChangeResult changed(Subscriptions.Stored stored, Subscription after, Instant now) {
        return new Changed(SubscriptionViews.view(new Subscriptions.Stored(after, stored.offerId(), stored.friendlyName(),
                stored.quantity(), stored.billingCycle(), stored.lineCancelled()), renewalCancellation, now));
    }

    private void log(Operation operation, Subscription subscription, Customers.Customer customer, Actor actor, Instant now,
                     Map<String, String> details) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("orderId", subscription.orderId());
        data.put("lineItemNumber", String.valueOf(subscription.lineItemNumber()));
        data.putAll(details);
        activityLog.append(new ActivityEntry(now, operation.kind(), ActivityEntry.SUCCEEDED, actor.username(),
                actor.applicationId().orElse(null), customer.tenantId(), customer.companyName(), Resource.SUBSCRIPTION.kind(),
                subscription.id(), data));
    }

    private Optional<Subscriptions.Stored> find(String tenant, String subscriptionId) {
        return subscriptionId == null || subscriptionId.isBlank() ? Optional.empty()
                : subscriptions.find(tenant, subscriptionId.strip());
    }

    private static Subscriptions.Cursor cursor(String tenant, String token) {
        List<String> values = ContinuationTokens.decode(TOKEN_KIND, 3, token);
        if (!values.get(0).equals(tenant)) {
            throw new InvalidContinuationToken();
        }
        try {
            return new Subscriptions.Cursor(Instant.parse(values.get(1)), values.get(2));
        } catch (DateTimeParseException e) {
            throw new InvalidContinuationToken();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
