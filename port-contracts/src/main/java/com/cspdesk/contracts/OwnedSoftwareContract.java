package com.cspdesk.contracts;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.cspdesk.contracts.SampleOrders.entitlement;
import static com.cspdesk.contracts.SampleOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link OwnedSoftware} must do: a customer's entitlements newest purchase first (the
 * lines of one order in line order), every field as granted, never another tenant's.
 */
public abstract class OwnedSoftwareContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void aCustomersSoftwareComesBackNewestPurchaseFirstWithTheLinesOfAnOrderInOrder() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder older = order(tenant, 2, AT);
        StoredOrder newer = order(tenant, 3, AT.plus(Duration.ofDays(3)));
        StoredOrder newest = order(tenant, 1, AT.plus(Duration.ofDays(3)).plusNanos(1_000));
        port(Orders.class).add(older);
        port(Orders.class).add(newer);
        port(Orders.class).add(newest);
        Entitlement older1 = entitlement(older, 1, ContractType.PERPETUAL, true);
        Entitlement older2 = entitlement(older, 2, ContractType.SUBSCRIPTION, false);
        Entitlement newer1 = entitlement(newer, 1, ContractType.PERPETUAL, true);
        Entitlement newer2 = entitlement(newer, 2, ContractType.PERPETUAL, true);
        Entitlement newer3 = entitlement(newer, 3, ContractType.SUBSCRIPTION, true);
        Entitlement newest1 = entitlement(newest, 1, ContractType.PERPETUAL, true);
        // Granted out of order: the order read back is the adapter's, not the insertion order.
        port(Entitlements.class).grant(List.of(newer3, older2, newer1));
        port(Entitlements.class).grant(List.of(newest1, older1, newer2));

        assertThat(port(OwnedSoftware.class).ofCustomer(tenant)).containsExactly(newest1, newer1, newer2, newer3, older1, older2);
    }

    @Test
    void everyFieldRoundTripsVersionsNewestFirstAndCancelledIsInactive() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder order = order(tenant, 2, AT);
        port(Orders.class).add(order);
        Entitlement active = new Entitlement(UUID.randomUUID().toString(), tenant, order.id(), 1, "DG7GMGF0DVSV",
                "0007", "Windows Server 2022 Standard – 16 core", ContractType.SUBSCRIPTION, AT,
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2016")),
                Set.of(SoftwareLanguage.of("hu-HU"), SoftwareLanguage.of("en-US"), SoftwareLanguage.of("zh-CN")),
                Set.of(Bitness.X64), true);
        Entitlement cancelled = entitlement(order, 2, ContractType.PERPETUAL, false);
        port(Entitlements.class).grant(List.of(active, cancelled));

        assertThat(port(OwnedSoftware.class).find(tenant, active.id())).contains(active);
        assertThat(port(OwnedSoftware.class).find(tenant, active.id()).orElseThrow().versions()).extracting(SoftwareVersion::name)
                .containsExactly("2022", "2019", "2016");
        assertThat(port(OwnedSoftware.class).find(tenant, cancelled.id())).contains(cancelled);
        assertThat(port(OwnedSoftware.class).find(tenant, cancelled.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void anotherTenantsSoftwareIsNeitherListedNorFound() {
        String contoso = UUID.randomUUID().toString();
        String fabrikam = UUID.randomUUID().toString();
        StoredOrder contosoOrder = order(contoso, 1, AT);
        StoredOrder fabrikamOrder = order(fabrikam, 1, AT.plusSeconds(1));
        port(Orders.class).add(contosoOrder);
        port(Orders.class).add(fabrikamOrder);
        Entitlement contosos = entitlement(contosoOrder, 1, ContractType.PERPETUAL, true);
        Entitlement fabrikams = entitlement(fabrikamOrder, 1, ContractType.PERPETUAL, true);
        port(Entitlements.class).grant(List.of(contosos, fabrikams));

        assertThat(port(OwnedSoftware.class).ofCustomer(contoso)).containsExactly(contosos);
        assertThat(port(OwnedSoftware.class).ofCustomer(fabrikam)).containsExactly(fabrikams);
        assertThat(port(OwnedSoftware.class).find(contoso, fabrikams.id())).isEmpty();
        assertThat(port(OwnedSoftware.class).find(fabrikam, contosos.id())).isEmpty();
        assertThat(port(OwnedSoftware.class).find(contoso, contosos.id())).contains(contosos);
        assertThat(port(OwnedSoftware.class).find(contoso, UUID.randomUUID().toString())).isEmpty();
        assertThat(port(OwnedSoftware.class).ofCustomer(UUID.randomUUID().toString())).isEmpty();
    }
}
