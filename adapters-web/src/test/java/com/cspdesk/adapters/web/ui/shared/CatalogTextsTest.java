package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.i18n.BundleChecks;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17: every product's description and every SKU's title of the demo catalog reads in all six languages —
 * English as the catalog stores it, the other five from {@code i18n/catalog_<lang>.properties} — and the bundles
 * name nothing the catalog does not have.
 */
class CatalogTextsTest {

    /** The demo catalog as adapters-persistence's V2 migration stores it (written from it by CatalogFileOnH2Test). */
    private static final Path DEMO_CATALOG =
            Path.of("../adapters-memory/src/main/resources/com/cspdesk/adapters/memory/catalog/catalog.tsv");

    @Test
    void everyProductAndSkuOfTheDemoCatalogHasItsTextInEveryLanguage() throws IOException {
        Map<String, String> english = englishTexts();
        assertThat(english).hasSizeGreaterThan(30);
        for (Locale locale : SupportedLanguages.ALL) {
            if (locale.equals(Locale.ENGLISH)) {
                continue;
            }
            Properties bundle = BundleChecks.load("catalog", locale);
            Set<String> missing = new TreeSet<>(english.keySet());
            missing.removeAll(bundle.stringPropertyNames());
            assertThat(missing).as("catalog texts missing in %s", locale).isEmpty();
            Set<String> unknown = new TreeSet<>(bundle.stringPropertyNames());
            unknown.removeAll(english.keySet());
            assertThat(unknown).as("catalog texts in %s for nothing in the catalog", locale).isEmpty();
            for (String key : english.keySet()) {
                assertThat(bundle.getProperty(key)).as("%s in %s", key, locale).isNotBlank().isNotEqualTo(english.get(key));
            }
        }
        assertThat(BundleChecks.load("catalog", Locale.ENGLISH).stringPropertyNames()).as("English is the stored text").isEmpty();
    }

    @Test
    void aPageReadsTheTranslationAndFallsBackToTheStoredText() {
        ProductView standard = new ProductView("DG7GMGF0BHXC", "Windows Server 2022 Standard", "Stored description.",
                ProductKind.PERPETUAL_SOFTWARE, TargetView.SOFTWARE_PERPETUAL, "Microsoft Corporation");
        SkuView pack = sku("DG7GMGF0BHXC", "0001", "16 Core License Pack");
        ProductView unknown = new ProductView("NOT-IN-BUNDLE", "Something new", "Only in English.",
                ProductKind.PERPETUAL_SOFTWARE, TargetView.SOFTWARE_PERPETUAL, "Contoso");

        CatalogTexts german = new CatalogTexts(Locale.GERMAN);
        assertThat(german.skuTitle(pack)).isEqualTo("Lizenzpaket mit 16 Kernen");
        assertThat(german.name(standard, pack)).isEqualTo("Windows Server 2022 Standard — Lizenzpaket mit 16 Kernen");
        assertThat(german.description(standard)).startsWith("Unbefristete Lizenz für Windows Server 2022 Standard");
        assertThat(german.description(unknown)).isEqualTo("Only in English.");
        assertThat(new CatalogTexts(Locale.forLanguageTag("tr")).skuTitle(pack)).isEqualTo("16 Çekirdek Lisans Paketi");
        assertThat(new CatalogTexts(Locale.ENGLISH).name(standard, pack)).isEqualTo("Windows Server 2022 Standard — 16 Core License Pack");
        assertThat(new CatalogTexts(Locale.ENGLISH).description(standard)).isEqualTo("Stored description.");
    }

    /** {@code product.<id>.description} and {@code sku.<product>.<sku>.title} of the demo catalog, with their English text. */
    private static Map<String, String> englishTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(DEMO_CATALOG, StandardCharsets.UTF_8));
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            if (fields[0].equals("product")) {
                texts.put(CatalogTexts.productDescriptionKey(fields[1]), fields[3]);
            } else if (fields[0].equals("sku")) {
                texts.put(CatalogTexts.skuTitleKey(fields[1], fields[2]), fields[3]);
            }
        }
        return texts;
    }

    /** An order's stored name keeps its product title and takes the SKU's title in the reader's language. */
    @Test
    void anOrderLineIsNamedWithTheSkuInTheReadersLanguage() {
        String stored = "Windows Server 2022 Standard – 16 Core License Pack";
        assertThat(new CatalogTexts(java.util.Locale.GERMAN).lineName("DG7GMGF0BHXC", "0001", stored))
                .isEqualTo("Windows Server 2022 Standard – Lizenzpaket mit 16 Kernen");
        assertThat(new CatalogTexts(java.util.Locale.ENGLISH).lineName("DG7GMGF0BHXC", "0001", stored)).isEqualTo(stored);
        // No translation, a name of another shape, or nothing stored: the stored name as it is.
        assertThat(new CatalogTexts(java.util.Locale.GERMAN).lineName("NOPRODUCT", "0001", stored)).isEqualTo(stored);
        assertThat(new CatalogTexts(java.util.Locale.GERMAN).lineName("DG7GMGF0BHXC", "0001", "Windows Server")).isEqualTo("Windows Server");
        assertThat(new CatalogTexts(java.util.Locale.GERMAN).lineName("DG7GMGF0BHXC", "0001", null)).isEmpty();
    }

    private static SkuView sku(String productId, String skuId, String title) {
        return new SkuView(productId, skuId, title, 1, 1000, Set.of("one_time"), TermDuration.NONE, ContractType.PERPETUAL,
                true, List.of(), Set.of(), Set.of());
    }
}
