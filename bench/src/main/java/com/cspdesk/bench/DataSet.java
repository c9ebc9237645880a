package com.cspdesk.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the generated data refers to: the catalog's offers (from V2's data) and the customers loaded. */
final class DataSet {

    /** One purchasable availability of the catalog (the order's offerId). */
    record Offer(String productId, String skuId, String availabilityId, String currency, BigDecimal unitPrice,
                 String kind, String productTitle, String skuTitle, String term, String version, String languages,
                 String bitness, String familyVersions, int minQuantity, int maxQuantity) {

        String offerId() {
            return productId + ":" + skuId + ":" + availabilityId;
        }

        /** Software with keys and downloads (gets an entitlement when bought). */
        boolean software() {
            return familyVersions != null && version != null && !languages.isEmpty() && !bitness.isEmpty();
        }

        String friendlyName() {
            return productTitle + " – " + skuTitle;
        }

        /** The versions an entitlement carries: the bought one and the earlier ones of its family, newest first. */
        String entitledVersions() {
            List<String> versions = new ArrayList<>(Arrays.asList(familyVersions.split(",")));
            versions.removeIf(v -> v.compareTo(version) > 0);
            Collections.reverse(versions);
            return String.join(",", versions);
        }

        String sortedLanguages() {
            List<String> tags = new ArrayList<>(Arrays.asList(languages.split(",")));
            Collections.sort(tags);
            return String.join(",", tags);
        }
    }

    /** A loaded customer. */
    record Customer(String tenantId, String name, String country, String currency) {
    }

    /** Markets of the generated customers, with their currency and share (per mille). */
    static final String[][] MARKETS = {
            {"DE", "EUR", "300"}, {"US", "USD", "200"}, {"GB", "GBP", "100"}, {"HU", "HUF", "100"},
            {"PL", "PLN", "80"}, {"SE", "SEK", "80"}, {"AU", "AUD", "60"}, {"TR", "TRY", "40"}, {"BR", "BRL", "40"}};

    final Map<String, List<Offer>> softwareByCurrency = new HashMap<>();
    final Map<String, List<Offer>> plansByCurrency = new HashMap<>();
    final List<Customer> customers = new ArrayList<>();

    /** Reads the catalog that Flyway's V2 put in. */
    static DataSet readCatalog(Connection connection) throws SQLException {
        DataSet data = new DataSet();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT a.product_id, a.sku_id, a.id, a.currency, a.unit_price, p.kind, p.title, k.title, k.term_duration,"
                        + " k.version, k.languages, k.bitness, p.family_versions, k.minimum_quantity, k.maximum_quantity"
                        + " FROM catalog_availability a JOIN catalog_sku k ON k.product_id = a.product_id AND k.id = a.sku_id"
                        + " JOIN catalog_product p ON p.id = a.product_id ORDER BY a.product_id, a.sku_id, a.currency")) {
            while (rs.next()) {
                Offer offer = new Offer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14), rs.getInt(15));
                if (offer.software()) {
                    data.softwareByCurrency.computeIfAbsent(offer.currency(), c -> new ArrayList<>()).add(offer);
                } else if (offer.kind().endsWith("SOFTWARE_PLAN")) {
                    // Linux plans are sold everywhere; Azure reservations are left out (some markets refuse them).
                    data.plansByCurrency.computeIfAbsent(offer.currency(), c -> new ArrayList<>()).add(offer);
                }
            }
        }
        if (data.softwareByCurrency.isEmpty()) {
            throw new IllegalStateException("no catalog: did Flyway run?");
        }
        return data;
    }

    /** The loaded customers, read back (used when the data was loaded earlier in the run). */
    void readCustomers(Connection connection) throws SQLException {
        Map<String, String> currencyOf = new HashMap<>();
        for (String[] m : MARKETS) {
            currencyOf.put(m[0], m[1]);
        }
        customers.clear();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT tenant_id, company_name, country FROM customer WHERE domain LIKE '%.bench.example' ORDER BY tenant_id")) {
            while (rs.next()) {
                customers.add(new Customer(rs.getString(1), rs.getString(2), rs.getString(3),
                        currencyOf.getOrDefault(rs.getString(3), "USD")));
            }
        }
    }
}
