package com.cspdesk.application.subscriptions;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.subscriptions.port.in.RenewSubscriptions;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.subscription.RenewalPolicy;
import com.cspdesk.domain.subscription.Subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renewal job (issue #16): every active subscription whose term has ended, as the domain's
 * {@link RenewalPolicy} says — renewed (the next term, its charge for the next monthly invoice, keys and
 * downloads kept, {@code renew_subscription}) or expired (keys and download links revoked as a
 * cancellation revokes them, {@code expire_subscription}) — one term per transaction, by the system.
 * Each transition is a compare-and-set on the term it was decided from, so instances running the job at
 * the same time never renew a term twice: the one that loses writes nothing and moves on. A subscription
 * whose order line was cancelled (through its order) is marked cancelled instead.
 */
public final class SubscriptionRenewals implements RenewSubscriptions {

    /** Due subscriptions read per query. */
    static final int BATCH = 100;

    private final Subscriptions subscriptions;
    private final RenewalCharges renewalCharges;
    private final SoftwareRevocations revocations;
    private final Customers customers;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final RenewalPolicy policy;
    private final Clock clock;

    public SubscriptionRenewals(Subscriptions subscriptions, RenewalCharges renewalCharges, SoftwareRevocations revocations,
                                Customers customers, ActivityLog activityLog, Transactions transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.renewalCharges = renewalCharges;
        this.revocations = revocations;
        this.customers = customers;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.policy = new RenewalPolicy();
        this.clock = clock;
    }

    @Override
    public int renewDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int made = 0;
        while (true) {
            List<Subscriptions.Stored> due = subscriptions.due(now, BATCH);
            int before = made;
            for (Subscriptions.Stored stored : due) {
                made += bringUpToDate(stored, now);
            }
            if (due.size() < BATCH || made == before) {
                return made;
            }
        }
    }

    /** Term by term until the current term has not ended (or another instance got there first). */
    private int bringUpToDate(Subscriptions.Stored stored, Instant now) {
        int made = 0;
        Subscription current = stored.subscription();
        while (true) {
            Subscription from = current;
            Optional<Subscription> next = transactions.inTransaction(() -> step(from, stored.lineCancelled(), now));
            if (next.isEmpty()) {
                return made;
            }
            made++;
            current = next.get();
        }
    }

    /** One transition, written with its consequences; empty when none is due or someone else made it. */
    private Optional<Subscription> step(Subscription subscription, boolean lineCancelled, Instant now) {
        if (lineCancelled) {
            // Cancelled through its order: the cancellation revoked, credited and recorded it already.
            if (subscription.ended().isEmpty()) {
                subscriptions.replace(subscription, subscription.cancelled());
            }
            return Optional.empty();
        }
        Optional<RenewalPolicy.Transition> due = policy.due(subscription, now);
        if (due.isEmpty() || !subscriptions.replace(subscription, due.get().after())) {
            return Optional.empty();
        }
        Subscription after = due.get().after();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("orderId", after.orderId());
        data.put("lineItemNumber", String.valueOf(after.lineItemNumber()));
        data.put("termNumber", String.valueOf(after.termNumber()));
        if (due.get() instanceof RenewalPolicy.Transition.Renewal renewal) {
            renewalCharges.add(new RenewalCharges.RenewalCharge(after.orderId(), after.lineItemNumber(), after.termNumber(),
                    after.customerTenantId(), renewal.charge(), after.termStart(), after.termEnd(), now));
            data.put("termStart", after.termStart().toString());
            data.put("termEnd", after.termEnd().toString());
            data.put("chargeGross", renewal.charge().gross().amount().toPlainString());
            data.put("currency", renewal.charge().currency().getCurrencyCode());
            log(Operation.RENEW_SUBSCRIPTION, after, now, data);
        } else {
            revocations.revoke(after.orderId(), List.of(after.lineItemNumber()));
            data.put("termEnd", after.termEnd().toString());
            log(Operation.EXPIRE_SUBSCRIPTION, after, now, data);
        }
        return Optional.of(after);
    }

    private void log(Operation operation, Subscription subscription, Instant now, Map<String, String> data) {
        String companyName = customers.byTenantId(subscription.customerTenantId()).map(Customers.Customer::companyName)
                .orElse(null);
        activityLog.append(new ActivityEntry(now, operation.kind(), ActivityEntry.SUCCEEDED, AdminActs.SYSTEM, null,
                subscription.customerTenantId(), companyName, Resource.SUBSCRIPTION.kind(), subscription.id(), data));
    }
}
