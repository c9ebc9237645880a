package com.cspdesk.contracts;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.catalog.ContractType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.cspdesk.contracts.SampleOrders.entitlement;
import static com.cspdesk.contracts.SampleOrders.order;
import static com.cspdesk.contracts.SampleOrders.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link Entitlements} must do: one entitlement per stored order line, a grant all or
 * nothing, in the caller's unit of work. Read back through {@link OwnedSoftware}.
 */
public abstract class EntitlementsContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void grantsOneEntitlementPerSoftwareLineAsGiven() {
        StoredOrder order = order(tenant(), 2, AT);
        port(Orders.class).add(order);
        Entitlement perpetual = entitlement(order, 1, ContractType.PERPETUAL, true);
        Entitlement subscription = entitlement(order, 2, ContractType.SUBSCRIPTION, true);

        port(Entitlements.class).grant(List.of(perpetual, subscription));

        assertThat(port(OwnedSoftware.class).ofCustomer(order.customerTenantId())).containsExactly(perpetual, subscription);
    }

    @Test
    void aSecondGrantOfTheSameLineIsRefusedAndTakesNothingWithIt() {
        StoredOrder order = order(tenant(), 2, AT);
        port(Orders.class).add(order);
        Entitlement first = entitlement(order, 1, ContractType.PERPETUAL, true);
        port(Entitlements.class).grant(List.of(first));

        Throwable refused = catchThrowable(() -> port(Entitlements.class).grant(List.of(
                entitlement(order, 2, ContractType.PERPETUAL, true),
                entitlement(order, 1, ContractType.PERPETUAL, false))));

        assertThat(refused).isInstanceOf(RuntimeException.class);
        // The grant is one unit: line 2 went back with the refused duplicate.
        assertThat(port(OwnedSoftware.class).ofCustomer(order.customerTenantId())).containsExactly(first);
    }

    @Test
    void aGrantInsideTheCallersUnitOfWorkRollsBackWithIt() {
        StoredOrder order = order(tenant(), 1, AT);
        Throwable failed = catchThrowable(() -> inTransaction(() -> {
            port(Orders.class).add(order);
            port(Entitlements.class).grant(List.of(entitlement(order, 1, ContractType.PERPETUAL, true)));
            throw new IllegalStateException("the activity record could not be written");
        }));

        assertThat(failed).isInstanceOf(IllegalStateException.class);
        assertThat(port(OwnedSoftware.class).ofCustomer(order.customerTenantId())).isEmpty();
        assertThat(port(Orders.class).find(order.customerTenantId(), order.id())).isEmpty();
    }

    @Test
    void anEntitlementNeedsItsOrderLine() {
        StoredOrder neverStored = order(tenant(), 1, AT);
        StoredOrder oneLine = order(tenant(), 1, AT);
        port(Orders.class).add(oneLine);

        assertThat(catchThrowable(() -> port(Entitlements.class).grant(List.of(
                entitlement(neverStored, 1, ContractType.PERPETUAL, true))))).isInstanceOf(RuntimeException.class);
        assertThat(catchThrowable(() -> port(Entitlements.class).grant(List.of(
                entitlement(oneLine, 2, ContractType.PERPETUAL, true))))).isInstanceOf(RuntimeException.class);
        assertThat(port(OwnedSoftware.class).ofCustomer(neverStored.customerTenantId())).isEmpty();
        assertThat(port(OwnedSoftware.class).ofCustomer(oneLine.customerTenantId())).isEmpty();
    }

    @Test
    void aCancelledEntitlementIsStoredAsCancelledAndAnEmptyGrantDoesNothing() {
        StoredOrder order = order(tenant(), 1, AT);
        port(Orders.class).add(order);
        port(Entitlements.class).grant(List.of());
        Entitlement cancelled = entitlement(order, 1, ContractType.PERPETUAL, false);
        port(Entitlements.class).grant(List.of(cancelled));

        assertThat(port(OwnedSoftware.class).find(order.customerTenantId(), cancelled.id())).contains(cancelled);
        assertThat(port(OwnedSoftware.class).find(order.customerTenantId(), cancelled.id()).orElseThrow().active()).isFalse();
    }
}
