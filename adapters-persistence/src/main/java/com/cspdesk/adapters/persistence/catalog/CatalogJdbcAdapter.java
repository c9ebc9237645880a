package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.shared.CommaSeparated;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The catalog as the V2 migration loaded it: products, SKUs and one availability per SKU and currency. */
@Singleton
@ReadOnly
class CatalogJdbcAdapter implements Catalog {

    private static final String PRODUCT = "SELECT id, title, description, kind, publisher_name, family_name, family_versions"
            + " FROM catalog_product";
    private static final String SKU = "SELECT product_id, id, title, minimum_quantity, maximum_quantity, billing_cycles,"
            + " term_duration, version, languages, bitness FROM catalog_sku";
    private static final String AVAILABILITY = "SELECT product_id, sku_id, id, currency, unit_price, base_compute_price"
            + " FROM catalog_availability";

    private final JdbcOperations jdbc;

    CatalogJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Product> products() {
        return JdbcRows.list(jdbc, PRODUCT + " ORDER BY display_order, id", CatalogJdbcAdapter::product);
    }

    @Override
    public Optional<Product> product(String productId) {
        return JdbcRows.one(jdbc, PRODUCT + " WHERE id = ?", CatalogJdbcAdapter::product, productId);
    }

    @Override
    public List<Sku> skus(String productId) {
        return JdbcRows.list(jdbc, SKU + " WHERE product_id = ? ORDER BY id", CatalogJdbcAdapter::sku, productId);
    }

    @Override
    public Optional<Sku> sku(String productId, String skuId) {
        return JdbcRows.one(jdbc, SKU + " WHERE product_id = ? AND id = ?", CatalogJdbcAdapter::sku, productId, skuId);
    }

    @Override
    public List<Availability> availabilities(String productId, String skuId) {
        return JdbcRows.list(jdbc, AVAILABILITY + " WHERE product_id = ? AND sku_id = ? ORDER BY currency",
                CatalogJdbcAdapter::availability, productId, skuId);
    }

    @Override
    public Optional<Availability> availability(String productId, String skuId, String availabilityId) {
        return JdbcRows.one(jdbc, AVAILABILITY + " WHERE product_id = ? AND sku_id = ? AND id = ?",
                CatalogJdbcAdapter::availability, productId, skuId, availabilityId);
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
                new HashSet<>(CommaSeparated.split(row.getString("bitness"), CatalogJdbcAdapter::bitness)));
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
