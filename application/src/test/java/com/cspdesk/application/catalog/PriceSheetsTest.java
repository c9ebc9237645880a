package com.cspdesk.application.catalog;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.catalog.port.in.GetPriceSheet.PriceSheetRow;
import com.cspdesk.application.ordering.CatalogFixture;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A market's price sheet: every SKU's availability there, quoted by the catalog's own reading, and who may read it. */
class PriceSheetsTest {

    private final CatalogFixture catalog = new CatalogFixture();
    private final PriceSheets sheets = new PriceSheets(catalog, new CatalogBrowsing(catalog, ProductAvailability.asInSpec(),
            MarketCurrencies.defaults(), PriceQuotePolicy.defaults()));
    private final Actor agent = TestActors.holding(Role.ADMIN_AGENT);

    @Test
    void everySkuOfTheCatalogInTheMarketsCurrencyWithItsTaxAndTheQuoteOfOneUnit() {
        List<PriceSheetRow> hungary = TestActors.found(sheets.priceSheet(Market.of("HU"), agent));
        assertThat(hungary).isNotEmpty().allSatisfy(row ->
                assertThat(row.availability().listPrice().currency().getCurrencyCode()).isEqualTo("HUF"));
        assertThat(hungary).extracting(row -> row.product().title()).isSorted();
        PriceSheetRow windows = hungary.stream().filter(row -> row.product().id().equals(CatalogFixture.WS_STD)
                && row.sku().id().equals("0001")).findFirst().orElseThrow();
        assertThat(windows.availability().taxIncluded()).isFalse();
        assertThat(windows.availability().unitQuote()).isEqualTo(new PriceQuote(Money.of("384840.00", "HUF"),
                Money.of("103906.80", "HUF"), Money.of("488746.80", "HUF")));
        assertThat(TestActors.found(sheets.priceSheet(Market.of("GL"), agent)))
                .filteredOn(row -> row.product().id().equals(CatalogFixture.VM_RES)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.availability().purchasable()).isFalse());
    }

    @Test
    void onlyTheRolesThatViewAcrossCustomersReadIt() {
        assertThat(TestActors.found(sheets.priceSheet(Market.of("AU"), TestActors.holding(Role.GLOBAL_ADMIN)))).isNotEmpty();
        for (Actor refused : TestActors.refused(Permission.VIEW_ACROSS_CUSTOMERS)) {
            assertThat(sheets.priceSheet(Market.of("HU"), refused)).isEqualTo(Lookup.notPermitted(Permission.VIEW_ACROSS_CUSTOMERS));
        }
    }
}
