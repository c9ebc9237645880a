package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.shared.CommaSeparated;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the rows {@link EntitlementsJdbcAdapter} writes, always keyed by the customer's tenant id, so
 * another tenant's entitlement id finds nothing. A customer's list is looked up on
 * ix_software_entitlement_tenant and sorted newest purchase first, the lines of one order in line
 * item order (a sort of one customer's rows only); a single entitlement is found by primary key.
 *
 * <p>Each read is one statement, so it runs on a plain connection in autocommit ({@code @Connectable})
 * rather than in a read-only transaction, which costs five more round trips to the server per call
 * (read-only on and off, autocommit off and on, the commit); inside a caller's transaction it joins
 * that transaction's connection. Measured in bench/ (docs/performance.md).
 *
 * <p>The versions, languages and bitness columns hold one of a few lists (one per SKU of the
 * catalog), so each stored text is parsed once and its immutable value reused: parsing language
 * tags row by row was a fifth of a software list's CPU in the profile.
 */
@StoredInDatabase
@Singleton
@Connectable
class OwnedSoftwareJdbcAdapter implements OwnedSoftware {

    static final String ENTITLEMENT = "SELECT id, customer_tenant_id, order_id, line_item_number, product_id, sku_id,"
            + " product_name, contract_type, purchased_at, versions, languages, bitness, status FROM software_entitlement";
    static final String OF_CUSTOMER = ENTITLEMENT + " WHERE customer_tenant_id = ?"
            + " ORDER BY purchased_at DESC, order_id DESC, line_item_number";
    static final String FIND = ENTITLEMENT + " WHERE id = ? AND customer_tenant_id = ?";

    private static final int MOST_DISTINCT_LISTS = 4_096;
    private static final Map<String, List<SoftwareVersion>> VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Set<SoftwareLanguage>> LANGUAGES = new ConcurrentHashMap<>();
    private static final Map<String, Set<Bitness>> BITNESS = new ConcurrentHashMap<>();

    private final JdbcOperations jdbc;

    OwnedSoftwareJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Entitlement> ofCustomer(String customerTenantId) {
        return JdbcRows.list(jdbc, OF_CUSTOMER, OwnedSoftwareJdbcAdapter::entitlement, customerTenantId);
    }

    @Override
    public Optional<Entitlement> find(String customerTenantId, String entitlementId) {
        return JdbcRows.one(jdbc, FIND, OwnedSoftwareJdbcAdapter::entitlement, entitlementId, customerTenantId);
    }

    static Entitlement entitlement(ResultSet row) throws SQLException {
        String contractType = row.getString("contract_type");
        return new Entitlement(row.getString("id"), row.getString("customer_tenant_id"), row.getString("order_id"),
                row.getInt("line_item_number"), row.getString("product_id"), row.getString("sku_id"),
                row.getString("product_name"),
                ContractType.fromCode(contractType).orElseThrow(() -> unknown("contract type", contractType)),
                JdbcRows.instant(row, "purchased_at"),
                parsed(VERSIONS, row.getString("versions"), text -> List.copyOf(CommaSeparated.split(text, SoftwareVersion::of))),
                parsed(LANGUAGES, row.getString("languages"), text -> Set.copyOf(CommaSeparated.split(text, SoftwareLanguage::of))),
                parsed(BITNESS, row.getString("bitness"), text -> Set.copyOf(CommaSeparated.split(text,
                        code -> Bitness.fromCode(code).orElseThrow(() -> unknown("bitness", code))))),
                active(row.getString("status")));
    }

    /** The value of a stored list, parsed once; bounded, should the lists ever be many. */
    private static <T> T parsed(Map<String, T> cache, String stored, Function<String, T> parse) {
        if (stored == null) {
            return parse.apply("");
        }
        T known = cache.get(stored);
        if (known != null) {
            return known;
        }
        if (cache.size() >= MOST_DISTINCT_LISTS) {
            cache.clear();
        }
        return cache.computeIfAbsent(stored, parse);
    }

    private static boolean active(String status) {
        if (EntitlementsJdbcAdapter.ACTIVE.equals(status)) {
            return true;
        }
        if (EntitlementsJdbcAdapter.CANCELLED.equals(status)) {
            return false;
        }
        throw unknown("entitlement status", status);
    }

    private static IllegalStateException unknown(String what, String stored) {
        return new IllegalStateException("unknown " + what + " in the database: " + stored);
    }
}
