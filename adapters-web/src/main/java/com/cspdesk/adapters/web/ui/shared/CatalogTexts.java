package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Issue #17: the catalog's texts in the reader's language. The catalog stores them in English (the
 * persistence adapter's V2 data, the memory adapter's catalog.tsv); their translations are the
 * dashboard's business, kept in {@code i18n/catalog_<lang>.properties} under
 * {@code product.<productId>.description} and {@code sku.<productId>.<skuId>.title}. A text with no
 * translation is the stored English one. Product titles are names ("Windows Server 2022 Standard") and
 * stay as stored. Not MessageFormat patterns: the texts are shown as written.
 */
public final class CatalogTexts {

    public static final String BUNDLE = "i18n.catalog";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ConcurrentMap<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final Locale locale;

    public CatalogTexts(Locale locale) {
        this.locale = locale;
    }

    public static String productDescriptionKey(String productId) {
        return "product." + productId + ".description";
    }

    public static String skuTitleKey(String productId, String skuId) {
        return "sku." + productId + "." + skuId + ".title";
    }

    public String description(ProductView product) {
        return find(productDescriptionKey(product.id())).orElse(product.description());
    }

    public String skuTitle(SkuView sku) {
        return find(skuTitleKey(sku.productId(), sku.id())).orElse(sku.title());
    }

    /** How the review and the cart name what is bought: "Windows Server 2022 Standard — 16-Kern-Lizenzpaket". */
    public String name(ProductView product, SkuView sku) {
        return name(product.title(), skuTitle(sku));
    }

    /** The same from the titles themselves (the SKU's already in the reader's language); the product alone without one. */
    public static String name(String productTitle, String skuTitle) {
        return skuTitle == null || skuTitle.isEmpty() ? productTitle : productTitle + " — " + skuTitle;
    }

    /**
     * What an order line bought, as the reader reads it: the product's title as the order stored it, then the
     * SKU's title in the reader's language ("Windows Server 2022 Standard – Lizenzpaket mit 16 Kernen"). An order
     * stores its name as {@code product – sku} (the ordering use case's friendly name, Partner Center's); with no
     * translation, or a name of another shape, the stored name is shown as it is.
     */
    public String lineName(String productId, String skuId, String storedName) {
        if (storedName == null || productId == null || skuId == null) {
            return storedName == null ? "" : storedName;
        }
        int productEnds = storedName.lastIndexOf(STORED_SEPARATOR);
        return find(skuTitleKey(productId, skuId))
                .filter(title -> productEnds > 0)
                .map(title -> storedName.substring(0, productEnds) + STORED_SEPARATOR + title)
                .orElse(storedName);
    }

    /** Between the product and the SKU in an order's stored friendly name. */
    private static final String STORED_SEPARATOR = " – ";

    private Optional<String> find(String key) {
        ResourceBundle bundle = BUNDLES.computeIfAbsent(locale.getLanguage(), CatalogTexts::load);
        return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    private static ResourceBundle load(String language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), CatalogTexts.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException missing) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, CatalogTexts.class.getClassLoader(), NO_FALLBACK);
        }
    }
}
