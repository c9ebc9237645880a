package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.adapters.persistence.testing.H2InMySqlMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded demo runs on H2 in MySQL mode: V2 and every statement of the catalog, customer,
 * order, entitlement and activity adapters must run there too. (Behaviour is tested on MariaDB.)
 */
class BuyOnBehalfSqlOnH2Test {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void theBuyOnBehalfStatementsRunOnH2InMySqlMode() {
        try (ApplicationContext context = H2InMySqlMode.start()) {
            Catalog catalog = context.getBean(Catalog.class);
            assertThat(catalog.products()).hasSize(13);
            assertThat(catalog.skus("DG7GMGF043ZJ")).hasSize(2);
            assertThat(catalog.availabilities("DG7GMGF043ZJ", "0001")).hasSize(9);
            assertThat(catalog.availability("DG7GMGF01Z2K", "0001", "DZH318Z0VXX8").orElseThrow().baseComputePrice())
                    .contains(Money.of("196992.00", "HUF"));

            Customers customers = context.getBean(Customers.class);
            String tenant = UUID.randomUUID().toString();
            assertThat(customers.add(new Customers.Customer(tenant, "Contoso", "Contoso.example", Market.of("HU"), AT))).isTrue();
            assertThat(customers.add(new Customers.Customer(UUID.randomUUID().toString(), "Contoso 2", "contoso.EXAMPLE",
                    Market.of("HU"), AT))).isFalse();
            customers.add(new Customers.Customer(UUID.randomUUID().toString(), "Contoso Labs", "labs.example", Market.of("SE"), AT));
            assertThat(customers.byDomain("CONTOSO.example").orElseThrow().createdAt()).isEqualTo(AT);
            List<Customers.Customer> first = customers.page(Optional.of("CONT"), Optional.empty(), 1);
            assertThat(customers.page(Optional.of("cont"), Optional.of(new Customers.Cursor(first.get(0).companyName(),
                    first.get(0).tenantId())), 5)).extracting(Customers.Customer::companyName).containsExactly("Contoso Labs");
            assertThat(customers.page(Optional.empty(), Optional.empty(), 5)).hasSize(2);
            assertThat(customers.count(Optional.of("labs"))).isEqualTo(1);
            assertThat(customers.count(Optional.empty())).isEqualTo(2);

            Orders orders = context.getBean(Orders.class);
            Currency huf = Currency.getInstance("HUF");
            PriceQuote charged = new PriceQuote(Money.of("2215800.00", "HUF"), Money.of("598266.00", "HUF"),
                    Money.of("2814066.00", "HUF"));
            Orders.StoredOrder order = new Orders.StoredOrder("order-1", tenant, "one_time", huf, AT, OrderStatus.COMPLETED,
                    charged, "admin.agent@partner.demo", List.of(new Orders.StoredLine(1, "DG7GMGF043ZJ:0001:DZH318Z00A48",
                    "DG7GMGF043ZJ", "0001", "DZH318Z00A48", "Windows Server 2022 Datacenter", ProductKind.PERPETUAL_SOFTWARE,
                    TermDuration.NONE, 1, Money.of("2215800.00", "HUF"), charged, false, LineStatus.ACTIVE,
                    PriceQuote.zero(huf), Optional.empty())));
            orders.add(order);
            assertThat(orders.find(tenant, "order-1")).contains(order);
            assertThat(orders.page(tenant, Optional.of(new Orders.Cursor(AT.plusSeconds(1), "x")), 5)).containsExactly(order);
            assertThat(orders.count(tenant)).isEqualTo(1);

            Entitlements entitlements = context.getBean(Entitlements.class);
            Entitlements.Entitlement entitlement = new Entitlements.Entitlement(UUID.randomUUID().toString(), tenant,
                    "order-1", 1, "DG7GMGF043ZJ", "0001", "Windows Server 2022 Datacenter", ContractType.PERPETUAL, AT,
                    List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019")), Set.of(SoftwareLanguage.of("hu-HU")),
                    Set.of(Bitness.X64), true);
            entitlements.grant(List.of(entitlement));
            Throwable duplicate = catchThrowable(() -> entitlements.grant(List.of(new Entitlements.Entitlement(
                    UUID.randomUUID().toString(), tenant, "order-1", 1, "DG7GMGF043ZJ", "0001", "x", ContractType.PERPETUAL,
                    AT, List.of(SoftwareVersion.of("2022")), Set.of(SoftwareLanguage.of("hu-HU")), Set.of(Bitness.X64), true))));
            assertThat(DuplicateKeys.isDuplicateKey(duplicate)).isTrue();

            ActivityLog log = context.getBean(ActivityLog.class);
            Transactions transactions = context.getBean(Transactions.class);
            for (int i = 0; i < 3; i++) {
                log.append(new ActivityEntry(AT.plusSeconds(i), "create_order", ActivityEntry.SUCCEEDED, "agent", null,
                        tenant, "Contoso", "order", "order-1", Map.of("k", "v")));
            }
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            List<String> links = transactions.inTransaction(() -> JdbcRows.list(jdbc,
                    "SELECT chain_seq, previous_hash FROM activity_record WHERE chain_key = ? ORDER BY chain_seq",
                    row -> row.getLong(1) + ":" + row.getString(2).substring(0, 4), tenant));
            assertThat(links).hasSize(3).first().isEqualTo("1:" + ActivityChain.GENESIS.substring(0, 4));
            assertThat(links).extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly("1", "2", "3");
        }
    }
}
