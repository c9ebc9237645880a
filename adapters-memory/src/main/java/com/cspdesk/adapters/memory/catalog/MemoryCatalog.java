package com.cspdesk.adapters.memory.catalog;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo catalog the JDBC adapter gets from its V2 migration, read from {@code catalog.tsv} beside
 * this class (the migration's catalog written out: CatalogFileOnH2Test in adapters-persistence
 * fails when they differ). Immutable after loading, so lookups need no unit of work. Ids match
 * exactly, as the JDBC catalog's snapshot matches them.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryCatalog implements Catalog {

    static final String FILE = "catalog.tsv";

    private record SkuKey(String productId, String skuId) {
    }

    private final List<Product> products = new ArrayList<>();
    private final Map<String, Product> productsById = new LinkedHashMap<>();
    private final Map<String, List<Sku>> skusByProduct = new LinkedHashMap<>();
    private final Map<SkuKey, Sku> skusByKey = new LinkedHashMap<>();
    private final Map<SkuKey, List<Availability>> availabilitiesBySku = new LinkedHashMap<>();

    MemoryCatalog() {
        try (InputStream in = MemoryCatalog.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the memory catalog file " + FILE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    load(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the memory catalog file " + FILE + " cannot be read", e);
        }
    }

    @Override
    public List<Product> products() {
        return List.copyOf(products);
    }

    @Override
    public Optional<Product> product(String productId) {
        return Optional.ofNullable(productsById.get(productId));
    }

    @Override
    public List<Sku> skus(String productId) {
        return List.copyOf(skusByProduct.getOrDefault(productId, List.of()));
    }

    @Override
    public Optional<Sku> sku(String productId, String skuId) {
        return Optional.ofNullable(skusByKey.get(new SkuKey(productId, skuId)));
    }

    @Override
    public List<Availability> availabilities(String productId, String skuId) {
        return List.copyOf(availabilitiesBySku.getOrDefault(new SkuKey(productId, skuId), List.of()));
    }

    @Override
    public Optional<Availability> availability(String productId, String skuId, String availabilityId) {
        return availabilities(productId, skuId).stream().filter(a -> a.id().equals(availabilityId)).findFirst();
    }

    private void load(String[] f) {
        switch (f[0]) {
            case "product" -> {
                Optional<ProductFamily> family = f[6].isEmpty() ? Optional.empty()
                        : Optional.of(new ProductFamily(f[6], list(f[7], SoftwareVersion::of)));
                Product product = new Product(f[1], f[2], f[3], ProductKind.valueOf(f[4]), f[5], family);
                products.add(product);
                productsById.put(product.id(), product);
            }
            case "sku" -> {
                Sku sku = new Sku(f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                        Set.copyOf(list(f[6], s -> s)), TermDuration.valueOf(f[7]),
                        f[8].isEmpty() ? Optional.empty() : Optional.of(SoftwareVersion.of(f[8])),
                        Set.copyOf(list(f[9], SoftwareLanguage::of)), Set.copyOf(list(f[10], MemoryCatalog::bitness)));
                skusByProduct.computeIfAbsent(sku.productId(), id -> new ArrayList<>()).add(sku);
                skusByKey.put(new SkuKey(sku.productId(), sku.id()), sku);
            }
            case "availability" -> {
                Currency currency = Currency.getInstance(f[4]);
                Availability availability = new Availability(f[1], f[2], f[3], currency,
                        Money.of(new BigDecimal(f[5]), currency),
                        f[6].isEmpty() ? Optional.empty() : Optional.of(Money.of(new BigDecimal(f[6]), currency)));
                availabilitiesBySku.computeIfAbsent(new SkuKey(f[1], f[2]), key -> new ArrayList<>()).add(availability);
            }
            default -> throw new IllegalStateException("unknown line in the memory catalog file: " + String.join("\t", f));
        }
    }

    private static <T> List<T> list(String joined, Function<String, T> parse) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(parse).collect(Collectors.toList());
    }

    private static Bitness bitness(String code) {
        return Bitness.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown bitness in the catalog: " + code));
    }
}
