package com.cspdesk.contracts;

import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Orders of SQL Server 2022 Standard and their entitlements, for the contracts that need stored orders. */
public final class SampleOrders {

    private SampleOrders() {
    }

    /** An order of {@code lines} lines, each one 2-core pack at the US list price. */
    public static StoredOrder order(String tenant, int lines, Instant createdAt) {
        Currency usd = Currency.getInstance("USD");
        PriceQuote charged = PriceQuote.fromNetAndTax(Money.of("3945.00", "USD"), Money.zero(usd));
        List<StoredLine> stored = new ArrayList<>();
        for (int n = 1; n <= lines; n++) {
            stored.add(new StoredLine(n, "DG7GMGF0MGVZ:0001:DZH318Z04FQS", "DG7GMGF0MGVZ", "0001", "DZH318Z04FQS",
                    "SQL Server 2022 Standard, 2 Core License Pack", ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1,
                    Money.of("3945.00", "USD"), charged, false, LineStatus.ACTIVE, PriceQuote.zero(usd), Optional.empty()));
        }
        return new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time", usd, createdAt, OrderStatus.COMPLETED,
                PriceQuote.total(usd, stored.stream().map(StoredLine::charged).toList()), "admin.agent@partner.demo", stored);
    }

    /** The entitlement of one line of such an order, versions newest first. */
    public static Entitlement entitlement(StoredOrder order, int line, ContractType type, boolean active) {
        return new Entitlement(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), line, "DG7GMGF0MGVZ",
                "0001", "SQL Server 2022 Standard", type, order.createdAt(),
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2017")),
                Set.of(SoftwareLanguage.of("de-DE"), SoftwareLanguage.of("en-US")), Set.of(Bitness.X64), active);
    }

    public static String tenant() {
        return UUID.randomUUID().toString();
    }
}
