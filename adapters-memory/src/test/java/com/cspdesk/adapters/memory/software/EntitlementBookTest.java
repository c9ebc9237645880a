package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.Adapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.catalog.ContractType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static com.cspdesk.contracts.SampleOrders.entitlement;
import static com.cspdesk.contracts.SampleOrders.order;
import static com.cspdesk.contracts.SampleOrders.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the entitlement book offers cancellation besides the ports: the entitlements of lines, and cancelling them. */
@ExtendWith(MemoryAdapters.class)
class EntitlementBookTest {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void cancelsTheActiveEntitlementsOfTheLinesOnceAndAFailedUnitTakesItBack(Adapters adapters) {
        EntitlementBook book = adapters.get(EntitlementBook.class);
        StoredOrder order = order(tenant(), 3, AT);
        adapters.get(Orders.class).add(order);
        Entitlement first = entitlement(order, 1, ContractType.PERPETUAL, true);
        Entitlement second = entitlement(order, 2, ContractType.PERPETUAL, true);
        Entitlement third = entitlement(order, 3, ContractType.PERPETUAL, true);
        adapters.get(Entitlements.class).grant(List.of(first, second, third));

        assertThat(book.ofLines(order.id(), List.of(2, 1, 7))).containsExactly(first, second);
        assertThatThrownBy(() -> adapters.get(Transactions.class).inTransaction(() -> {
            assertThat(book.cancel(order.id(), List.of(1, 2))).isEqualTo(2);
            throw new IllegalStateException("the credit failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(owned(adapters, order)).allMatch(Entitlement::active);

        assertThat(book.cancel(order.id(), List.of(1, 2))).isEqualTo(2);
        assertThat(book.cancel(order.id(), List.of(1, 2, 3))).isEqualTo(1);
        assertThat(owned(adapters, order)).noneMatch(Entitlement::active);
        assertThat(book.cancel("no-such-order", List.of(1))).isZero();
    }

    private static List<Entitlement> owned(Adapters adapters, StoredOrder order) {
        return adapters.get(OwnedSoftware.class).ofCustomer(order.customerTenantId());
    }
}
