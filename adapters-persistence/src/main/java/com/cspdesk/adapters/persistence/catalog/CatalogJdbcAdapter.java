package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.catalog.port.out.Catalog;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The catalog as the V2 migration loaded it: products, SKUs and one availability per SKU and
 * currency, read once at first use and then answered from memory (no statement per lookup).
 * Only Flyway migrations write these tables, so the data changes only with a new release, which
 * restarts every instance; each instance keeps its own snapshot. Before this, each lookup was a
 * read-only transaction of 7 statements, 3 lookups per order line.
 */
@StoredInDatabase
@Singleton
class CatalogJdbcAdapter implements Catalog {

    private final CatalogRows rows;
    private volatile CatalogSnapshot snapshot;

    CatalogJdbcAdapter(CatalogRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Product> products() {
        return snapshot().products();
    }

    @Override
    public Optional<Product> product(String productId) {
        return snapshot().product(productId);
    }

    @Override
    public List<Sku> skus(String productId) {
        return snapshot().skus(productId);
    }

    @Override
    public Optional<Sku> sku(String productId, String skuId) {
        return snapshot().sku(productId, skuId);
    }

    @Override
    public List<Availability> availabilities(String productId, String skuId) {
        return snapshot().availabilities(productId, skuId);
    }

    @Override
    public Optional<Availability> availability(String productId, String skuId, String availabilityId) {
        return snapshot().availability(productId, skuId, availabilityId);
    }

    /** Loaded at first use, not at startup (Flyway must have run); a failed load is retried by the next call. */
    private CatalogSnapshot snapshot() {
        CatalogSnapshot loaded = snapshot;
        if (loaded == null) {
            synchronized (this) {
                loaded = snapshot;
                if (loaded == null) {
                    loaded = rows.load();
                    snapshot = loaded;
                }
            }
        }
        return loaded;
    }
}
