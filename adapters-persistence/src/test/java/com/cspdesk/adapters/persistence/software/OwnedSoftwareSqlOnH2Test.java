package com.cspdesk.adapters.persistence.software;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.adapters.persistence.testing.H2InMySqlMode;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded demo runs on H2 in MySQL mode: the OwnedSoftware statements must run there too. */
class OwnedSoftwareSqlOnH2Test {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void theOwnedSoftwareStatementsRunOnH2InMySqlMode() {
        try (ApplicationContext context = H2InMySqlMode.start()) {
            Orders orders = context.getBean(Orders.class);
            Entitlements entitlements = context.getBean(Entitlements.class);
            OwnedSoftware owned = context.getBean(OwnedSoftware.class);
            String tenant = UUID.randomUUID().toString();
            StoredOrder first = order(tenant, AT);
            StoredOrder second = order(tenant, AT.plusSeconds(60));
            orders.add(first);
            orders.add(second);
            Entitlement older = entitlement(first, true);
            Entitlement newer = entitlement(second, false);
            entitlements.grant(List.of(older, newer));

            assertThat(owned.ofCustomer(tenant)).containsExactly(newer, older);
            assertThat(owned.find(tenant, older.id())).contains(older);
            assertThat(owned.find(UUID.randomUUID().toString(), older.id())).isEmpty();
            assertThat(owned.ofCustomer(UUID.randomUUID().toString())).isEmpty();
        }
    }

    private static Entitlement entitlement(StoredOrder order, boolean active) {
        return new Entitlement(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), 1, "DG7GMGF043ZJ",
                "0001", "Windows Server 2022 Datacenter", ContractType.PERPETUAL, order.createdAt(),
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019")),
                Set.of(SoftwareLanguage.of("hu-HU"), SoftwareLanguage.of("en-US")), Set.of(Bitness.X64), active);
    }

    private static StoredOrder order(String tenant, Instant at) {
        Currency huf = Currency.getInstance("HUF");
        PriceQuote charged = new PriceQuote(Money.of("2215800.00", "HUF"), Money.of("598266.00", "HUF"),
                Money.of("2814066.00", "HUF"));
        return new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time", huf, at, OrderStatus.COMPLETED, charged,
                "admin.agent@partner.demo", List.of(new StoredLine(1, "DG7GMGF043ZJ:0001:DZH318Z00A48", "DG7GMGF043ZJ",
                "0001", "DZH318Z00A48", "Windows Server 2022 Datacenter", ProductKind.PERPETUAL_SOFTWARE,
                TermDuration.NONE, 1, Money.of("2215800.00", "HUF"), charged, false, LineStatus.ACTIVE,
                PriceQuote.zero(huf), Optional.empty())));
    }
}
