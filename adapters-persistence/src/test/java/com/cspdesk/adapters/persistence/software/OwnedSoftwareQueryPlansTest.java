package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.domain.catalog.ContractType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.cspdesk.contracts.SampleOrders.entitlement;
import static com.cspdesk.contracts.SampleOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The owned-software reads on MariaDB's plans (what they answer is OwnedSoftwareContract's). */
@MicronautTest(startApplication = false, transactional = false)
class OwnedSoftwareQueryPlansTest extends OnMariaDb {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Inject
    Entitlements entitlements;
    @Inject
    Orders orders;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

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
}
