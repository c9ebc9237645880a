package com.cspdesk.contracts;

import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.catalog.port.out.Catalog.Availability;
import com.cspdesk.application.catalog.port.out.Catalog.Product;
import com.cspdesk.application.catalog.port.out.Catalog.Sku;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.money.Money;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole catalog as text, read through the port: one tab-separated line per product, then its
 * SKUs each followed by its availabilities, in the order the port answers them; sets sorted, absent
 * values empty. It is the format of the memory adapter's catalog file, so the file is made from the
 * JDBC catalog on H2 and both adapters are compared with it (they cannot drift apart).
 */
public final class CatalogListing {

    public static final String HEADER = "# The demo catalog of adapters-persistence's V2 migration, written by"
            + " CatalogFileOnH2Test (-Dcspdesk.catalog.write=true): do not edit by hand.\n"
            + "# product\tid\ttitle\tdescription\tkind\tpublisher\tfamily\tfamily versions oldest first\n"
            + "# sku\tproduct id\tid\ttitle\tminimum\tmaximum\tbilling cycles\tterm\tversion\tlanguages\tbitness\n"
            + "# availability\tproduct id\tsku id\tid\tcurrency\tunit price\tbase compute price\n";

    private CatalogListing() {
    }

    public static String of(Catalog catalog) {
        StringBuilder text = new StringBuilder(HEADER);
        for (Product product : catalog.products()) {
            line(text, "product", product.id(), product.title(), product.description(), product.kind().name(),
                    product.publisherName(), product.family().map(f -> f.name()).orElse(""),
                    product.family().map(f -> joined(f.versionsOldestFirst(), SoftwareVersion::name)).orElse(""));
            for (Sku sku : catalog.skus(product.id())) {
                line(text, "sku", sku.productId(), sku.id(), sku.title(), Integer.toString(sku.minimumQuantity()),
                        Integer.toString(sku.maximumQuantity()), sorted(sku.billingCycles(), s -> s), sku.term().name(),
                        sku.version().map(SoftwareVersion::name).orElse(""),
                        sorted(sku.languages(), SoftwareLanguage::tag), sorted(sku.bitness(), Bitness::code));
                for (Availability availability : catalog.availabilities(product.id(), sku.id())) {
                    line(text, "availability", availability.productId(), availability.skuId(), availability.id(),
                            availability.currency().getCurrencyCode(), amount(availability.unitPrice()),
                            availability.baseComputePrice().map(CatalogListing::amount).orElse(""));
                }
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String... fields) {
        for (String field : fields) {
            if (field.contains("\t") || field.contains("\n") || field.contains("\r")) {
                throw new IllegalArgumentException("a catalog text holds a tab or a line break: " + field);
            }
        }
        text.append(String.join("\t", fields)).append('\n');
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static <T> String joined(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining(","));
    }

    private static <T> String sorted(Collection<T> values, Function<T, String> text) {
        return values.stream().map(text).sorted().collect(Collectors.joining(","));
    }
}
