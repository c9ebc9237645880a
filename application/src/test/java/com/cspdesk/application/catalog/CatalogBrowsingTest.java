package com.cspdesk.application.catalog;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.catalog.port.in.CatalogViews;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.application.ordering.CatalogFixture;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogBrowsingTest {

    private final CatalogBrowsing browsing = new CatalogBrowsing(new CatalogFixture(), ProductAvailability.asInSpec(),
            MarketCurrencies.defaults(), PriceQuotePolicy.defaults());
    private static final Actor SALES = TestActors.holding(Role.SALES_AGENT);

    @Test
    void targetViewsFilterByKind() {
        assertThat(TestActors.found(browsing.products(Market.of("HU"), Optional.empty(), SALES))).hasSize(4);
        assertThat(TestActors.found(browsing.products(Market.of("HU"), Optional.of(TargetView.SOFTWARE_PERPETUAL), SALES)))
                .extracting(CatalogViews.ProductView::kind).containsExactly(ProductKind.PERPETUAL_SOFTWARE);
        assertThat(TestActors.found(browsing.products(Market.of("HU"), Optional.of(TargetView.AZURE_RESERVATIONS_VM), SALES)))
                .extracting(CatalogViews.ProductView::id).containsExactly(CatalogFixture.VM_RES);
        assertThat(TestActors.found(browsing.products(Market.of("HU"), Optional.of(TargetView.SOFTWARE), SALES)))
                .extracting(CatalogViews.ProductView::id).doesNotContain(CatalogFixture.VM_RES);
    }

    @Test
    void skusShowEarlierVersionRightsAndWhetherTheyCanBeCancelled() {
        var ws = TestActors.found(browsing.skus(CatalogFixture.WS_STD, Market.of("HU"), SALES)).get(0);
        assertThat(ws.versions()).containsExactly(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2016"));
        assertThat(ws.contractType()).isEqualTo(ContractType.PERPETUAL);
        assertThat(ws.cancellable()).isTrue();
        assertThat(TestActors.found(browsing.skus(CatalogFixture.SUSE, Market.of("HU"), SALES)).get(0).cancellable()).isFalse();
        assertThat(browsing.skus("NOPE", Market.of("HU"), SALES)).isEqualTo(Lookup.notFound("product_not_found"));
    }

    @Test
    void availabilitiesShowTheMarketsCurrencyTaxAndWhetherItSells() {
        var hu = TestActors.found(browsing.availabilities(CatalogFixture.WS_STD, "0001", Market.of("HU"), SALES));
        assertThat(hu).singleElement().satisfies(a -> {
            assertThat(a.listPrice()).isEqualTo(Money.of("384840.00", "HUF"));
            assertThat(a.taxIncluded()).isFalse();
            assertThat(a.purchasable()).isTrue();
            assertThat(a.catalogItemId()).isEqualTo(CatalogFixture.WS_STD + ":0001:AVHUF");
            assertThat(a.taxRate().value()).isEqualByComparingTo("0.27");
            assertThat(a.unitQuote()).isEqualTo(new PriceQuote(Money.of("384840.00", "HUF"), Money.of("103906.80", "HUF"),
                    Money.of("488746.80", "HUF")));
        });
        assertThat(TestActors.found(browsing.availabilities(CatalogFixture.WS_STD, "0001", Market.of("AU"), SALES)))
                .singleElement().satisfies(a -> {
                    assertThat(a.taxIncluded()).isTrue();
                    assertThat(a.unitQuote()).as("the GST is inside the list price").isEqualTo(new PriceQuote(
                            Money.of("1624.88", "AUD"), Money.of("162.49", "AUD"), Money.of("1787.37", "AUD")));
                });
        assertThat(TestActors.found(browsing.availabilities(CatalogFixture.VM_RES, "0001", Market.of("GL"), SALES)))
                .singleElement().satisfies(a -> {
                    assertThat(a.purchasable()).isFalse();
                    assertThat(a.listPrice().currency().getCurrencyCode()).isEqualTo("USD");
                });
        assertThat(browsing.availabilities(CatalogFixture.WS_STD, "9999", Market.of("HU"), SALES))
                .isEqualTo(Lookup.notFound("sku_not_found"));
        assertThat(browsing.availabilities("NOPE", "0001", Market.of("HU"), SALES))
                .isEqualTo(Lookup.notFound("product_not_found"));
    }

    @Test
    void onlyTheTablesRolesBrowseAndARefusalReadsNothing() {
        Catalog catalog = mock(Catalog.class);
        CatalogBrowsing guarded = new CatalogBrowsing(catalog, ProductAvailability.asInSpec(), MarketCurrencies.defaults(),
                PriceQuotePolicy.defaults());
        for (Actor actor : TestActors.refused(Permission.BROWSE_CATALOG)) {
            assertThat(guarded.products(Market.of("HU"), Optional.empty(), actor))
                    .isEqualTo(Lookup.notPermitted(Permission.BROWSE_CATALOG));
            assertThat(guarded.skus(CatalogFixture.WS_STD, Market.of("HU"), actor))
                    .isEqualTo(Lookup.notPermitted(Permission.BROWSE_CATALOG));
            assertThat(guarded.availabilities(CatalogFixture.WS_STD, "0001", Market.of("HU"), actor))
                    .isEqualTo(Lookup.notPermitted(Permission.BROWSE_CATALOG));
        }
        verifyNoInteractions(catalog);
        assertThat(guarded.products(Market.of("HU"), Optional.empty(), TestActors.holding(Role.ADMIN_AGENT)))
                .isInstanceOf(Lookup.Found.class);
    }
}
