package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
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
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class OwnedSoftwareJdbcAdapterTest extends OnMariaDb {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Inject
    OwnedSoftware owned;
    @Inject
    Entitlements entitlements;
    @Inject
    Orders orders;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void aCustomersSoftwareComesBackNewestPurchaseFirstWithTheLinesOfAnOrderInOrder() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder older = order(tenant, 2, AT);
        StoredOrder newer = order(tenant, 3, AT.plus(Duration.ofDays(3)));
        StoredOrder newest = order(tenant, 1, AT.plus(Duration.ofDays(3)).plusNanos(1_000));
        orders.add(older);
        orders.add(newer);
        orders.add(newest);
        Entitlement older1 = entitlement(older, 1, ContractType.PERPETUAL, true);
        Entitlement older2 = entitlement(older, 2, ContractType.SUBSCRIPTION, false);
        Entitlement newer1 = entitlement(newer, 1, ContractType.PERPETUAL, true);
        Entitlement newer2 = entitlement(newer, 2, ContractType.PERPETUAL, true);
        Entitlement newer3 = entitlement(newer, 3, ContractType.SUBSCRIPTION, true);
        Entitlement newest1 = entitlement(newest, 1, ContractType.PERPETUAL, true);
        // Granted out of order: the order read back is the adapter's, not the insertion order.
        entitlements.grant(List.of(newer3, older2, newer1));
        entitlements.grant(List.of(newest1, older1, newer2));

        assertThat(owned.ofCustomer(tenant)).containsExactly(newest1, newer1, newer2, newer3, older1, older2);
    }

    @Test
    void everyFieldRoundTripsVersionsNewestFirstAndCancelledIsInactive() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder order = order(tenant, 2, AT);
        orders.add(order);
        Entitlement active = new Entitlement(UUID.randomUUID().toString(), tenant, order.id(), 1, "DG7GMGF0DVSV",
                "0007", "Windows Server 2022 Standard – 16 core", ContractType.SUBSCRIPTION, AT,
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2016")),
                Set.of(SoftwareLanguage.of("hu-HU"), SoftwareLanguage.of("en-US"), SoftwareLanguage.of("zh-CN")),
                Set.of(Bitness.X64), true);
        Entitlement cancelled = entitlement(order, 2, ContractType.PERPETUAL, false);
        entitlements.grant(List.of(active, cancelled));

        assertThat(owned.find(tenant, active.id())).contains(active);
        assertThat(owned.find(tenant, active.id()).orElseThrow().versions()).extracting(SoftwareVersion::name)
                .containsExactly("2022", "2019", "2016");
        assertThat(owned.find(tenant, cancelled.id())).contains(cancelled);
        assertThat(owned.find(tenant, cancelled.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void anotherTenantsSoftwareIsNeitherListedNorFound() {
        String contoso = UUID.randomUUID().toString();
        String fabrikam = UUID.randomUUID().toString();
        StoredOrder contosoOrder = order(contoso, 1, AT);
        StoredOrder fabrikamOrder = order(fabrikam, 1, AT.plusSeconds(1));
        orders.add(contosoOrder);
        orders.add(fabrikamOrder);
        Entitlement contosos = entitlement(contosoOrder, 1, ContractType.PERPETUAL, true);
        Entitlement fabrikams = entitlement(fabrikamOrder, 1, ContractType.PERPETUAL, true);
        entitlements.grant(List.of(contosos, fabrikams));

        assertThat(owned.ofCustomer(contoso)).containsExactly(contosos);
        assertThat(owned.ofCustomer(fabrikam)).containsExactly(fabrikams);
        assertThat(owned.find(contoso, fabrikams.id())).isEmpty();
        assertThat(owned.find(fabrikam, contosos.id())).isEmpty();
        assertThat(owned.find(contoso, contosos.id())).contains(contosos);
        assertThat(owned.find(contoso, UUID.randomUUID().toString())).isEmpty();
        assertThat(owned.ofCustomer(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void bothQueriesReadAnIndex() {
        List<Entitlement> granted = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            StoredOrder order = order(UUID.randomUUID().toString(), 2, AT.plusSeconds(c));
            orders.add(order);
            granted.add(entitlement(order, 1, ContractType.PERPETUAL, true));
            granted.add(entitlement(order, 2, ContractType.SUBSCRIPTION, true));
        }
        entitlements.grant(granted);
        Entitlement one = granted.get(31);
        transactions.inTransaction(() -> JdbcRows.list(jdbc, "ANALYZE TABLE software_entitlement", row -> row.getString(1)));

        // One customer's rows by ix_software_entitlement_tenant, then sorted (a few rows: "Using filesort" is fine).
        assertThat(explain(OwnedSoftwareJdbcAdapter.OF_CUSTOMER, one.customerTenantId()))
                .startsWith("ref|ix_software_entitlement_tenant|");
        assertThat(explain(OwnedSoftwareJdbcAdapter.FIND, one.id(), one.customerTenantId())).startsWith("const|PRIMARY|");
    }

    private String explain(String sql, Object... parameters) {
        return transactions.inTransaction(() -> JdbcRows.one(jdbc, "EXPLAIN " + sql,
                row -> row.getString("type") + "|" + row.getString("key") + "|" + row.getString("Extra"), parameters))
                .orElseThrow();
    }

    private static Entitlement entitlement(StoredOrder order, int line, ContractType type, boolean active) {
        return new Entitlement(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), line, "DG7GMGF0MGVZ",
                "0001", "SQL Server 2022 Standard", type, order.createdAt(),
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2017")),
                Set.of(SoftwareLanguage.of("de-DE"), SoftwareLanguage.of("en-US")), Set.of(Bitness.X64), active);
    }

    private static StoredOrder order(String tenant, int lines, Instant createdAt) {
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
}
