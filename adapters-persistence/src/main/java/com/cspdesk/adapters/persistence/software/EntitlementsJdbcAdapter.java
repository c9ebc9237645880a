package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.shared.CommaSeparated;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;

/**
 * One row per purchased software line; (order_id, line_item_number) is unique, so a second grant of
 * the same line fails with a duplicate key (the caller's transaction then rolls back).
 */
@StoredInDatabase
@Singleton
@Transactional
class EntitlementsJdbcAdapter implements Entitlements {

    static final String ACTIVE = "active";
    static final String CANCELLED = "cancelled";

    private final JdbcOperations jdbc;

    EntitlementsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void grant(List<Entitlement> entitlements) {
        JdbcRows.batch(jdbc, "INSERT INTO software_entitlement (id, customer_tenant_id, order_id, line_item_number,"
                        + " product_id, sku_id, product_name, contract_type, purchased_at, versions, languages, bitness,"
                        + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entitlements.stream().map(EntitlementsJdbcAdapter::row).toList());
    }

    private static Object[] row(Entitlement e) {
        // Sets have no order of their own: store them sorted so the column reads the same every time.
        String languages = CommaSeparated.join(e.languages().stream()
                .sorted(Comparator.comparing(SoftwareLanguage::tag)).toList(), SoftwareLanguage::tag);
        String bitness = CommaSeparated.join(e.bitness().stream().sorted().toList(), Bitness::code);
        return new Object[]{e.id(), e.customerTenantId(), e.orderId(), e.lineItemNumber(), e.productId(), e.skuId(),
                e.productName(), e.contractType().code(), e.purchasedAt(),
                CommaSeparated.join(e.versions(), SoftwareVersion::name), languages, bitness,
                e.active() ? ACTIVE : CANCELLED};
    }
}
