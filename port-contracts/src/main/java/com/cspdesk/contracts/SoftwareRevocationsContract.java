package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.software.port.out.DownloadLinks;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.DownloadLink;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.cspdesk.contracts.CancellationFixtures.BOUGHT;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SoftwareRevocations} must do (spec "Post-cancellation details"): the cancelled
 * lines' entitlements read as cancelled through OwnedSoftware and every download link of them is
 * revoked — nothing else, and nothing twice.
 */
public abstract class SoftwareRevocationsContract extends PortContract {

    @Test
    void revokesTheCancelledLinesEntitlementsAndEveryLinkOfThemAndNothingElse() {
        StoredOrder order = order(UUID.randomUUID().toString(), 3, ProductKind.PERPETUAL_SOFTWARE);
        StoredOrder other = order(order.customerTenantId(), 1, ProductKind.PERPETUAL_SOFTWARE);
        port(Orders.class).add(order);
        port(Orders.class).add(other);
        Entitlement first = SampleOrders.entitlement(order, 1, ContractType.PERPETUAL, true);
        Entitlement second = SampleOrders.entitlement(order, 2, ContractType.PERPETUAL, true);
        Entitlement third = SampleOrders.entitlement(order, 3, ContractType.PERPETUAL, true);
        Entitlement elsewhere = SampleOrders.entitlement(other, 1, ContractType.PERPETUAL, true);
        port(Entitlements.class).grant(List.of(first, second, third, elsewhere));
        String link1 = link(first);
        String link2 = link(first);
        String link3 = link(second);
        String kept = link(third);
        String keptElsewhere = link(elsewhere);

        int revoked = inTransaction(() -> port(SoftwareRevocations.class).revoke(order.id(), List.of(1, 2)));

        assertThat(revoked).isEqualTo(2);
        assertThat(active(first)).isFalse();
        assertThat(active(second)).isFalse();
        assertThat(active(third)).isTrue();
        assertThat(active(elsewhere)).isTrue();
        assertThat(revoked(link1)).isTrue();
        assertThat(revoked(link2)).isTrue();
        assertThat(revoked(link3)).isTrue();
        assertThat(revoked(kept)).isFalse();
        assertThat(revoked(keptElsewhere)).isFalse();
        // Revoking again changes nothing; lines without software (or unknown lines) have nothing to revoke.
        assertThat(inTransaction(() -> port(SoftwareRevocations.class).revoke(order.id(), List.of(1, 2)))).isZero();
        assertThat(inTransaction(() -> port(SoftwareRevocations.class).revoke(order.id(), List.of(9)))).isZero();
        assertThat(inTransaction(() -> port(SoftwareRevocations.class).revoke(order.id(), List.of()))).isZero();
        assertThat(inTransaction(() -> port(SoftwareRevocations.class).revoke("no-such-order", List.of(1)))).isZero();
    }

    @Test
    void aRevocationInAUnitThatFailsRevokesNothing() {
        StoredOrder order = order(UUID.randomUUID().toString(), 1, ProductKind.PERPETUAL_SOFTWARE);
        port(Orders.class).add(order);
        Entitlement entitlement = SampleOrders.entitlement(order, 1, ContractType.PERPETUAL, true);
        port(Entitlements.class).grant(List.of(entitlement));
        String link = link(entitlement);

        try {
            inTransaction(() -> {
                port(SoftwareRevocations.class).revoke(order.id(), List.of(1));
                throw new IllegalStateException("the cancellation failed later");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the cancellation failed later");
        }

        assertThat(active(entitlement)).isTrue();
        assertThat(revoked(link)).isFalse();
    }

    private boolean active(Entitlement entitlement) {
        return port(OwnedSoftware.class).find(entitlement.customerTenantId(), entitlement.id()).orElseThrow().active();
    }

    private String link(Entitlement entitlement) {
        String id = UUID.randomUUID().toString().replace("-", "");
        port(DownloadLinks.class).add(new DownloadLinks.StoredLink(id, entitlement.id(), entitlement.customerTenantId(),
                SoftwareVersion.of("2022"), SoftwareLanguage.of("de-DE"), Bitness.X64, DownloadLink.issuedAt(BOUGHT),
                "admin.agent@partner.demo"));
        return id;
    }

    private boolean revoked(String linkId) {
        return port(DownloadLinks.class).findForUpdate(linkId).orElseThrow().link().revoked();
    }
}
