package com.cspdesk.application.ordering;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.ChangeReservationScope;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.reservation.ProvisioningCheck;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationProvisioningPolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issue #16 "Reservations provisioned": changes where a reservation line applies. The permission first, then the
 * customer (another tenant's is not found), the order and its line; a line that is not an Azure reservation or is
 * cancelled is refused; the new provisioning is judged by the domain's {@link ReservationProvisioningPolicy} (the
 * rules of ordering), then stored with its activity record (old and new scope) in one transaction.
 */
public final class ReservationScopeChanging implements ChangeReservationScope {

    static final String LINE_NOT_FOUND = "line_item_not_found";

    private final VisibleCustomers visibleCustomers;
    private final Orders orders;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final ReservationProvisioningPolicy policy = new ReservationProvisioningPolicy();
    private final Clock clock;

    public ReservationScopeChanging(Customers customers, Orders orders, ActivityLog activityLog, Transactions transactions,
                                    Clock clock) {
        this.visibleCustomers = new VisibleCustomers(customers);
        this.orders = orders;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ChangeResult change(ChangeCommand command, Actor actor) {
        if (!actor.may(Permission.MANAGE_SUBSCRIPTIONS)) {
            return new NotPermitted(Permission.MANAGE_SUBSCRIPTIONS);
        }
        Optional<Customers.Customer> customer = visibleCustomers.resolve(command.customer(), actor);
        if (customer.isEmpty()) {
            return new NotFound(VisibleCustomers.NOT_FOUND);
        }
        String tenant = customer.get().tenantId();
        return transactions.inTransaction(() -> {
            Optional<Orders.StoredOrder> order = command.orderId() == null ? Optional.empty()
                    : orders.find(tenant, command.orderId().strip());
            if (order.isEmpty()) {
                return new NotFound(Ordering.ORDER_NOT_FOUND);
            }
            Optional<Orders.StoredLine> line = order.get().lines().stream()
                    .filter(l -> l.lineItemNumber() == command.lineItemNumber()).findFirst();
            if (line.isEmpty()) {
                return new NotFound(LINE_NOT_FOUND);
            }
            if (!line.get().kind().isAzureReservation() || line.get().provisioning().isEmpty()) {
                return new Refused(Refused.NOT_A_RESERVATION);
            }
            if (line.get().status() == LineStatus.CANCELLED) {
                return new Refused(Refused.RESERVATION_CANCELLED);
            }
            ReservationProvisioning before = line.get().provisioning().get();
            String subscription = command.subscriptionId() == null || command.subscriptionId().isBlank()
                    ? before.subscriptionId() : command.subscriptionId();
            ProvisioningCheck check = policy.provisioning(subscription, command.scope(), command.resourceGroup());
            if (check instanceof ProvisioningCheck.Refused refused) {
                return new Invalid(refused.fault(), refused.arguments());
            }
            ReservationProvisioning after = ((ProvisioningCheck.Accepted) check).provisioning().orElseThrow();
            if (after.equals(before)) {
                return new Changed(OrderViews.view(order.get()), false);
            }
            if (!orders.changeProvisioning(tenant, order.get().id(), command.lineItemNumber(), after)) {
                return new Refused(Refused.RESERVATION_CANCELLED); // cancelled since it was read
            }
            activityLog.append(activity(order.get().id(), command.lineItemNumber(), before, after, customer.get(), actor));
            return new Changed(OrderViews.view(orders.find(tenant, order.get().id()).orElseThrow()), true);
        });
    }

    private ActivityEntry activity(String orderId, int lineItemNumber, ReservationProvisioning before,
                                   ReservationProvisioning after, Customers.Customer customer, Actor actor) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("lineItemNumber", String.valueOf(lineItemNumber));
        data.put("oldScope", before.scope().code());
        data.put("newScope", after.scope().code());
        before.resourceGroup().ifPresent(group -> data.put("oldResourceGroup", group));
        after.resourceGroup().ifPresent(group -> data.put("newResourceGroup", group));
        if (!before.subscriptionId().equals(after.subscriptionId())) {
            data.put("oldSubscriptionId", before.subscriptionId());
            data.put("newSubscriptionId", after.subscriptionId());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new ActivityEntry(now, Operation.CHANGE_RESERVATION_SCOPE.kind(), ActivityEntry.SUCCEEDED, actor.username(),
                actor.applicationId().orElse(null), customer.tenantId(), customer.companyName(), Resource.ORDER.kind(),
                orderId, data);
    }
}
