package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.contracts.SampleOrders;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How entitlements are stored in software_entitlement (what a grant must do on every adapter is
 * EntitlementsContract's): sets sorted, so a column reads the same every time.
 */
@MicronautTest(startApplication = false, transactional = false)
class EntitlementsJdbcAdapterTest extends OnMariaDb {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");
    private static final Set<SoftwareLanguage> LANGUAGES = Set.of(SoftwareLanguage.of("hu-HU"), SoftwareLanguage.of("en-US"),
            SoftwareLanguage.of("de-DE"));

    @Inject
    Entitlements entitlements;
    @Inject
    Orders orders;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void grantsOneEntitlementPerSoftwareLineWithVersionsNewestFirst() {
        StoredOrder order = SampleOrders.order(SampleOrders.tenant(), 2, AT);
        orders.add(order);

        entitlements.grant(List.of(
                entitlement(order, 1, ContractType.PERPETUAL, true),
                entitlement(order, 2, ContractType.SUBSCRIPTION, true)));

        List<String> rows = transactions.inTransaction(() -> JdbcRows.list(jdbc,
                "SELECT line_item_number, customer_tenant_id, product_name, contract_type, purchased_at, versions,"
                        + " languages, bitness, status FROM software_entitlement WHERE order_id = ? ORDER BY line_item_number",
                row -> row.getInt(1) + "|" + row.getString(2).equals(order.customerTenantId()) + "|" + row.getString(3)
                        + "|" + row.getString(4) + "|" + JdbcRows.instant(row, "purchased_at") + "|" + row.getString(6)
                        + "|" + row.getString(7) + "|" + row.getString(8) + "|" + row.getString(9),
                order.id()));
        assertThat(rows).containsExactly(
                "1|true|SQL Server 2022 Standard|perpetual|" + AT + "|2022,2019,2017|de-DE,en-US,hu-HU|x64|active",
                "2|true|SQL Server 2022 Standard|subscription|" + AT + "|2022,2019,2017|de-DE,en-US,hu-HU|x64|active");
    }

    private static Entitlement entitlement(StoredOrder order, int line, ContractType type, boolean active) {
        return new Entitlement(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), line, "DG7GMGF0MGVZ",
                "0001", "SQL Server 2022 Standard", type, AT,
                List.of(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2017")),
                LANGUAGES, Set.of(Bitness.X64), active);
    }
}
