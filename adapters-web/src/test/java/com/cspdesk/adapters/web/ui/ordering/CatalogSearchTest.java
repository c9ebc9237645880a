package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.ui.shared.CatalogTexts;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog page's search: every word in the product's or a SKU's text, as stored or as the reader reads it. */
class CatalogSearchTest {

    private static final ProductView STANDARD = new ProductView("DG7GMGF0BHXC", "Windows Server 2022 Standard",
            "Perpetual licence for Windows Server 2022 Standard.", ProductKind.PERPETUAL_SOFTWARE, TargetView.SOFTWARE_PERPETUAL,
            "Microsoft Corporation");
    private static final List<SkuView> PACKS = List.of(sku("0001", "16 Core License Pack"), sku("0002", "2 Core License Pack"));

    @Test
    void everyWordMustBeSomewhereInTheProductOrItsSkus() {
        CatalogTexts english = new CatalogTexts(Locale.ENGLISH);
        assertThat(ProductPagesController.matches("", STANDARD, PACKS, english)).isTrue();
        assertThat(ProductPagesController.matches("windows", STANDARD, PACKS, english)).isTrue();
        assertThat(ProductPagesController.matches("16 core", STANDARD, PACKS, english)).isTrue();
        assertThat(ProductPagesController.matches("  STANDARD   2022 ", STANDARD, PACKS, english)).isTrue();
        assertThat(ProductPagesController.matches("bhxc", STANDARD, PACKS, english)).as("the product id").isTrue();
        assertThat(ProductPagesController.matches("sql", STANDARD, PACKS, english)).isFalse();
        assertThat(ProductPagesController.matches("windows sql", STANDARD, PACKS, english)).isFalse();
    }

    @Test
    void theReadersTranslationIsFoundWithOrWithoutItsAccents() {
        assertThat(ProductPagesController.matches("kernen", STANDARD, PACKS, new CatalogTexts(Locale.GERMAN))).isTrue();
        CatalogTexts turkish = new CatalogTexts(Locale.forLanguageTag("tr"));
        assertThat(ProductPagesController.matches("çekirdek", STANDARD, PACKS, turkish)).isTrue();
        assertThat(ProductPagesController.matches("cekirdek", STANDARD, PACKS, turkish)).isTrue();
        assertThat(ProductPagesController.matches("licenccsomag", STANDARD, PACKS, new CatalogTexts(Locale.forLanguageTag("hu")))).isTrue();
        // The stored English text is found in any language.
        assertThat(ProductPagesController.matches("license pack", STANDARD, PACKS, turkish)).isTrue();
    }

    private static SkuView sku(String id, String title) {
        return new SkuView("DG7GMGF0BHXC", id, title, 1, 1000, Set.of("one_time"), TermDuration.NONE, ContractType.PERPETUAL,
                true, List.of(), Set.of(), Set.of());
    }
}
