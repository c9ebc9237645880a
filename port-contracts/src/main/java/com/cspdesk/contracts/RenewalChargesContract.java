package com.cspdesk.contracts;

import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.application.invoicing.port.out.RenewalCharges.RenewalCharge;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What every {@link RenewalCharges} must do: keep each renewed term once, read a line's terms oldest first. */
public abstract class RenewalChargesContract extends PortContract {

    private static final Instant YEAR_ONE = Instant.parse("2026-12-04T16:00:00Z");
    private static final Instant YEAR_TWO = Instant.parse("2027-12-04T16:00:00Z");
    private static final Instant YEAR_THREE = Instant.parse("2028-12-04T16:00:00Z");

    @Test
    void aTermIsChargedOnceAndALinesTermsReadOldestFirst() {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        port(Orders.class).add(order);
        RenewalCharge third = charge(order, 1, 3, YEAR_TWO, YEAR_THREE);
        RenewalCharge second = charge(order, 1, 2, YEAR_ONE, YEAR_TWO);
        add(third);
        add(second);
        add(charge(order, 2, 2, YEAR_ONE, YEAR_TWO));

        Throwable again = catchThrowable(() -> add(charge(order, 1, 2, YEAR_ONE, YEAR_TWO)));

        assertThat(again).isNotNull();
        assertThat(inTransaction(() -> port(RenewalCharges.class).ofLine(order.id(), 1))).containsExactly(second, third);
        assertThat(inTransaction(() -> port(RenewalCharges.class).ofLine(order.id(), 2))).hasSize(1);
        assertThat(inTransaction(() -> port(RenewalCharges.class).ofLine(UUID.randomUUID().toString(), 1))).isEmpty();
    }

    @Test
    void aRenewalInAUnitThatFailsIsNotKept() {
        StoredOrder order = order(UUID.randomUUID().toString(), 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        port(Orders.class).add(order);

        Throwable failed = catchThrowable(() -> inTransaction(() -> {
            port(RenewalCharges.class).add(charge(order, 1, 2, YEAR_ONE, YEAR_TWO));
            throw new IllegalStateException("the renewal's activity record could not be written");
        }));

        assertThat(failed).hasMessageContaining("activity record");
        assertThat(inTransaction(() -> port(RenewalCharges.class).ofLine(order.id(), 1))).isEmpty();
    }

    private void add(RenewalCharge charge) {
        inTransaction(() -> {
            port(RenewalCharges.class).add(charge);
            return null;
        });
    }

    private static RenewalCharge charge(StoredOrder order, int line, int term, Instant from, Instant to) {
        return new RenewalCharge(order.id(), line, term, order.customerTenantId(), order.lines().get(line - 1).charged(),
                from, to, from);
    }
}
