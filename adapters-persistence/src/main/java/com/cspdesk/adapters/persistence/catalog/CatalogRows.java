package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.shared.CommaSeparated;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.catalog.port.out.Catalog.Availability;
import com.cspdesk.application.catalog.port.out.Catalog.Product;
import com.cspdesk.application.catalog.port.out.Catalog.Sku;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.HashSet;
import java.util.Optional;

/** Reads the whole catalog (three SELECTs), once per process: {@link CatalogJdbcAdapter} keeps it. */
@StoredInDatabase
@Singleton
class CatalogRows {

    private static final String PRODUCTS = "SELECT id, title, description, kind, publisher_name, family_name, family_versions"
            + " FROM catalog_product ORDER BY display_order, id";
    private static final String SKUS = "SELECT product_id, id, title, minimum_quantity, maximum_quantity, billing_cycles,"
            + " term_duration, version, languages, bitness FROM catalog_sku ORDER BY product_id, id";
    private static final String AVAILABILITIES = "SELECT product_id, sku_id, id, currency, unit_price, base_compute_price"
            + " FROM catalog_availability ORDER BY product_id, sku_id, currency";

    private final JdbcOperations jdbc;

    CatalogRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A plain autocommit connection (or the caller's transaction's): no read-only transaction's round trips. */
    @Connectable
    CatalogSnapshot load() {
        return new CatalogSnapshot(JdbcRows.list(jdbc, PRODUCTS, CatalogRows::product),
                JdbcRows.list(jdbc, SKUS, CatalogRows::sku),
                JdbcRows.list(jdbc, AVAILABILITIES, CatalogRows::availability));
    }

    private static Product product(ResultSet row) throws SQLException {
        String familyName = row.getString("family_name");
        Optional<ProductFamily> family = familyName == null ? Optional.empty()
                : Optional.of(new ProductFamily(familyName,
                CommaSeparated.split(row.getString("family_versions"), SoftwareVersion::of)));
        return new Product(row.getString("id"), row.getString("title"), row.getString("description"),
                ProductKind.valueOf(row.getString("kind")), row.getString("publisher_name"), family);
    }

    private static Sku sku(ResultSet row) throws SQLException {
        String term = row.getString("term_duration");
        return new Sku(row.getString("product_id"), row.getString("id"), row.getString("title"),
                row.getInt("minimum_quantity"), row.getInt("maximum_quantity"),
                new HashSet<>(CommaSeparated.split(row.getString("billing_cycles"), s -> s)),
                term == null ? TermDuration.NONE : TermDuration.valueOf(term),
                Optional.ofNullable(row.getString("version")).map(SoftwareVersion::of),
                new HashSet<>(CommaSeparated.split(row.getString("languages"), SoftwareLanguage::of)),
                new HashSet<>(CommaSeparated.split(row.getString("bitness"), CatalogRows::bitness)));
    }

    private static Availability availability(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new Availability(row.getString("product_id"), row.getString("sku_id"), row.getString("id"), currency,
                JdbcRows.money(row, "unit_price", currency), JdbcRows.optionalMoney(row, "base_compute_price", currency));
    }

    private static Bitness bitness(String code) {
        return Bitness.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown bitness in the catalog: " + code));
    }
}
