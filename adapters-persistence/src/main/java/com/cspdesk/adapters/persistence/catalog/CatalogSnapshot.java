package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.application.catalog.port.out.Catalog.Availability;
import com.cspdesk.application.catalog.port.out.Catalog.Product;
import com.cspdesk.application.catalog.port.out.Catalog.Sku;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog in memory, immutable, in the order the queries read it (products by display order,
 * SKUs by id, availabilities by currency). Lookups match ids exactly: the ids are the migration's
 * upper-case codes (the database's case-insensitive collation also matched other spellings).
 */
final class CatalogSnapshot {

    private record SkuKey(String productId, String skuId) {
    }

    private final List<Product> products;
    private final Map<String, Product> productsById;
    private final Map<String, List<Sku>> skusByProduct;
    private final Map<SkuKey, Sku> skusByKey;
    private final Map<SkuKey, List<Availability>> availabilitiesBySku;

    CatalogSnapshot(List<Product> products, List<Sku> skus, List<Availability> availabilities) {
        this.products = List.copyOf(products);
        Map<String, Product> byId = new LinkedHashMap<>();
        products.forEach(p -> byId.put(p.id(), p));
        this.productsById = Map.copyOf(byId);
        Map<String, List<Sku>> byProduct = new LinkedHashMap<>();
        Map<SkuKey, Sku> byKey = new LinkedHashMap<>();
        for (Sku sku : skus) {
            byProduct.computeIfAbsent(sku.productId(), k -> new ArrayList<>()).add(sku);
            byKey.put(new SkuKey(sku.productId(), sku.id()), sku);
        }
        this.skusByProduct = copyOfLists(byProduct);
        this.skusByKey = Map.copyOf(byKey);
        Map<SkuKey, List<Availability>> bySku = new LinkedHashMap<>();
        for (Availability availability : availabilities) {
            bySku.computeIfAbsent(new SkuKey(availability.productId(), availability.skuId()), k -> new ArrayList<>())
                    .add(availability);
        }
        this.availabilitiesBySku = copyOfLists(bySku);
    }

    List<Product> products() {
        return products;
    }

    Optional<Product> product(String productId) {
        return Optional.ofNullable(productId).map(productsById::get);
    }

    List<Sku> skus(String productId) {
        return productId == null ? List.of() : skusByProduct.getOrDefault(productId, List.of());
    }

    Optional<Sku> sku(String productId, String skuId) {
        return Optional.ofNullable(skusByKey.get(new SkuKey(productId, skuId)));
    }

    List<Availability> availabilities(String productId, String skuId) {
        return availabilitiesBySku.getOrDefault(new SkuKey(productId, skuId), List.of());
    }

    Optional<Availability> availability(String productId, String skuId, String availabilityId) {
        return availabilities(productId, skuId).stream().filter(a -> a.id().equals(availabilityId)).findFirst();
    }

    private static <K, V> Map<K, List<V>> copyOfLists(Map<K, List<V>> lists) {
        Map<K, List<V>> copy = new LinkedHashMap<>();
        lists.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return Map.copyOf(copy);
    }
}
