package com.cspdesk.application.catalog.port.out;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalog as data (loaded by migration): products, SKUs, and one price per SKU and currency. */
public interface Catalog {

    List<Product> products();

    Optional<Product> product(String productId);

    List<Sku> skus(String productId);

    Optional<Sku> sku(String productId, String skuId);

    List<Availability> availabilities(String productId, String skuId);

    Optional<Availability> availability(String productId, String skuId, String availabilityId);

    /** {@code family} is present for software with keys (versions, languages, bitness). */
    record Product(String id, String title, String description, ProductKind kind, String publisherName,
                   Optional<ProductFamily> family) {
    }

    /** {@code version} is the version bought; earlier versions come from the product's family. */
    record Sku(String productId, String id, String title, int minimumQuantity, int maximumQuantity,
               Set<String> billingCycles, TermDuration term, Optional<SoftwareVersion> version,
               Set<SoftwareLanguage> languages, Set<Bitness> bitness) {

        public Sku {
            billingCycles = Set.copyOf(billingCycles);
            languages = Set.copyOf(languages);
            bitness = Set.copyOf(bitness);
        }
    }

    /** The price of one unit for the whole term, in one currency; {@code baseComputePrice} for VM reservations. */
    record Availability(String productId, String skuId, String id, Currency currency, Money unitPrice,
                        Optional<Money> baseComputePrice) {

        public String catalogItemId() {
            return productId + ":" + skuId + ":" + id;
        }
    }
}
