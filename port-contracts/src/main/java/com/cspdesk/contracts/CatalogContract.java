package com.cspdesk.contracts;

import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Catalog} must answer: the demo catalog of the V2 migration (13 products, 24
 * SKUs, each in nine currencies), in display order, looked up by exact ids.
 */
public abstract class CatalogContract extends PortContract {

    private static final Set<String> NINE_CURRENCIES = Set.of("USD", "EUR", "GBP", "HUF", "PLN", "SEK", "TRY", "AUD", "BRL");
    private static final String WS_DATACENTER = "DG7GMGF043ZJ";
    private static final String SQL_STANDARD_SUBSCRIPTION = "DG7GMGF0L2EI";
    private static final String VM_D2S_V5 = "DG7GMGF01Z2K";
    private static final String SUSE_PLAN = "DG7GMGF086YL";

    @Test
    void listsTheProductsInDisplayOrderWithEveryKind() {
        List<Catalog.Product> products = port(Catalog.class).products();

        assertThat(products).hasSize(13);
        assertThat(products).extracting(Catalog.Product::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Z0-9]{12}"));
        assertThat(products.get(0).title()).isEqualTo("Windows Server 2022 Datacenter");
        assertThat(products).extracting(Catalog.Product::kind).containsAll(Arrays.asList(ProductKind.values()));
        assertThat(products).allMatch(p -> !p.title().isBlank() && !p.description().isBlank() && !p.publisherName().isBlank());
    }

    @Test
    void readsAProductWithItsFamilyOldestFirst() {
        Catalog.Product datacenter = port(Catalog.class).product(WS_DATACENTER).orElseThrow();
        assertThat(datacenter.kind()).isEqualTo(ProductKind.PERPETUAL_SOFTWARE);
        assertThat(datacenter.publisherName()).isEqualTo("Microsoft Corporation");
        assertThat(datacenter.family()).contains(ProductFamily.of("Windows Server", "2016", "2019", "2022"));

        assertThat(port(Catalog.class).product(SQL_STANDARD_SUBSCRIPTION).orElseThrow().family())
                .contains(ProductFamily.of("SQL Server", "2017", "2019", "2022"));
        assertThat(port(Catalog.class).product(SUSE_PLAN).orElseThrow().family()).isEmpty();
        assertThat(port(Catalog.class).product(VM_D2S_V5).orElseThrow().kind()).isEqualTo(ProductKind.AZURE_RESERVATION_VM);
    }

    @Test
    void readsSkusWithTermsQuantitiesVersionLanguagesAndBitness() {
        List<Catalog.Sku> skus = port(Catalog.class).skus(WS_DATACENTER);
        assertThat(skus).extracting(Catalog.Sku::id).containsExactly("0001", "0002");
        Catalog.Sku pack16 = skus.get(0);
        assertThat(pack16.title()).isEqualTo("16 Core License Pack");
        assertThat(pack16.term()).isEqualTo(TermDuration.NONE);
        assertThat(pack16.minimumQuantity()).isEqualTo(1);
        assertThat(pack16.maximumQuantity()).isEqualTo(1000);
        assertThat(pack16.billingCycles()).containsExactly("one_time");
        assertThat(pack16.version()).contains(SoftwareVersion.of("2022"));
        assertThat(pack16.languages()).contains(SoftwareLanguage.of("en-US"), SoftwareLanguage.of("hu-HU"),
                SoftwareLanguage.of("pl-PL"), SoftwareLanguage.of("sv-SE"), SoftwareLanguage.of("tr-TR"));
        assertThat(pack16.bitness()).containsExactly(Bitness.X64);

        assertThat(port(Catalog.class).skus(SQL_STANDARD_SUBSCRIPTION)).extracting(Catalog.Sku::term)
                .containsExactly(TermDuration.P1Y, TermDuration.P3Y);
        assertThat(port(Catalog.class).sku(SQL_STANDARD_SUBSCRIPTION, "0002").orElseThrow().maximumQuantity()).isEqualTo(500);

        Catalog.Sku reservation = port(Catalog.class).sku(VM_D2S_V5, "0001").orElseThrow();
        assertThat(reservation.title()).isEqualTo("Standard_D2s_v5 Windows, West Europe, 1 year");
        assertThat(reservation.maximumQuantity()).isEqualTo(100);
        assertThat(reservation.version()).isEmpty();
        assertThat(reservation.languages()).isEmpty();
        assertThat(reservation.bitness()).isEmpty();
    }

    @Test
    void everySkuFitsItsProductKindAndSoftwareWithKeysHasAVersionOfItsFamily() {
        for (Catalog.Product product : port(Catalog.class).products()) {
            List<Catalog.Sku> skus = port(Catalog.class).skus(product.id());
            assertThat(skus).as(product.title()).isNotEmpty();
            for (Catalog.Sku sku : skus) {
                assertThat(sku.id()).matches("\\d{4}");
                assertThat(product.kind().isSoldWith(sku.term())).as(product.title() + " " + sku.title()).isTrue();
                assertThat(sku.billingCycles()).containsExactly("one_time");
                assertThat(sku.minimumQuantity()).isEqualTo(1);
                assertThat(sku.maximumQuantity()).isEqualTo(switch (product.kind().contractType()) {
                    case PERPETUAL -> 1000;
                    case SUBSCRIPTION -> 500;
                    case RESERVATION, SOFTWARE_PLAN -> 100;
                });
                if (product.family().isPresent()) {
                    assertThat(product.family().get().offers(sku.version().orElseThrow())).isTrue();
                    assertThat(sku.languages()).isNotEmpty();
                    assertThat(sku.bitness()).containsExactly(Bitness.X64);
                } else {
                    assertThat(sku.version()).isEmpty();
                }
            }
        }
    }

    @Test
    void everySkuHasOneAvailabilityInEachOfTheNineCurrenciesAtTheMinorUnit() {
        Set<String> availabilityIds = new HashSet<>();
        int skus = 0;
        for (Catalog.Product product : port(Catalog.class).products()) {
            for (Catalog.Sku sku : port(Catalog.class).skus(product.id())) {
                skus++;
                List<Catalog.Availability> availabilities = port(Catalog.class).availabilities(product.id(), sku.id());
                assertThat(availabilities).extracting(a -> a.currency().getCurrencyCode())
                        .as(product.title() + " " + sku.title()).containsExactlyInAnyOrderElementsOf(NINE_CURRENCIES);
                for (Catalog.Availability availability : availabilities) {
                    assertThat(availability.id()).matches("[A-Z0-9]{12}");
                    assertThat(availabilityIds.add(availability.id())).as("unique " + availability.id()).isTrue();
                    assertThat(availability.catalogItemId())
                            .isEqualTo(product.id() + ":" + sku.id() + ":" + availability.id());
                    assertThat(availability.unitPrice().currency()).isEqualTo(availability.currency());
                    assertThat(availability.unitPrice().amount().scale())
                            .isEqualTo(Money.minorUnitDigits(availability.currency()));
                    assertThat(availability.unitPrice().isPositive()).isTrue();
                    assertThat(availability.baseComputePrice().isPresent())
                            .isEqualTo(product.kind() == ProductKind.AZURE_RESERVATION_VM);
                    availability.baseComputePrice().ifPresent(base ->
                            assertThat(base.isGreaterThan(Money.zero(base.currency()))
                                    && availability.unitPrice().isGreaterThan(base)).isTrue());
                    if (availability.currency().getCurrencyCode().equals("HUF")) {
                        assertThat(availability.unitPrice().amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
        assertThat(skus).isEqualTo(24);
        assertThat(availabilityIds).hasSize(24 * 9);
    }

    @Test
    void pricesAreTheDemoListPricesConvertedAtTheFixedRates() {
        Map<String, Money> pack16 = prices(WS_DATACENTER, "0001");
        assertThat(pack16.get("USD")).isEqualTo(Money.of("6155.00", "USD"));
        assertThat(pack16.get("EUR")).isEqualTo(Money.of("5662.60", "EUR"));
        assertThat(pack16.get("GBP")).isEqualTo(Money.of("4862.45", "GBP"));
        assertThat(pack16.get("HUF")).isEqualTo(Money.of("2215800.00", "HUF"));
        assertThat(pack16.get("PLN")).isEqualTo(Money.of("24620.00", "PLN"));
        assertThat(pack16.get("SEK")).isEqualTo(Money.of("64627.50", "SEK"));
        assertThat(pack16.get("TRY")).isEqualTo(Money.of("209270.00", "TRY"));
        // Tax-inclusive markets: rate x 1.10 (AUD) and x 1.15 (BRL).
        assertThat(pack16.get("AUD")).isEqualTo(Money.of("10291.16", "AUD"));
        assertThat(pack16.get("BRL")).isEqualTo(Money.of("35391.25", "BRL"));

        Catalog.Availability d2sHuf = port(Catalog.class).availabilities(VM_D2S_V5, "0001").stream()
                .filter(a -> a.currency().getCurrencyCode().equals("HUF")).findFirst().orElseThrow();
        assertThat(d2sHuf.unitPrice()).isEqualTo(Money.of("328320.00", "HUF"));
        assertThat(d2sHuf.baseComputePrice()).contains(Money.of("196992.00", "HUF"));
        assertThat(d2sHuf.baseComputePrice().orElseThrow().amount()
                .divide(d2sHuf.unitPrice().amount(), 2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal("0.60"));
    }

    @Test
    void readsOneAvailabilityByItsId() {
        Catalog.Availability first = port(Catalog.class).availabilities(SUSE_PLAN, "0002").get(0);
        assertThat(port(Catalog.class).availability(SUSE_PLAN, "0002", first.id())).contains(first);
        assertThat(port(Catalog.class).availability(SUSE_PLAN, "0001", first.id())).isEmpty();
    }

    @Test
    void unknownIdsFindNothing() {
        assertThat(port(Catalog.class).product("NOSUCHPRODCT")).isEmpty();
        assertThat(port(Catalog.class).skus("NOSUCHPRODCT")).isEmpty();
        assertThat(port(Catalog.class).sku(WS_DATACENTER, "0099")).isEmpty();
        assertThat(port(Catalog.class).sku("NOSUCHPRODCT", "0001")).isEmpty();
        assertThat(port(Catalog.class).availabilities(WS_DATACENTER, "0099")).isEmpty();
        assertThat(port(Catalog.class).availability(WS_DATACENTER, "0001", "NOSUCHAVAILB")).isEmpty();
    }

    private Map<String, Money> prices(String productId, String skuId) {
        return port(Catalog.class).availabilities(productId, skuId).stream()
                .collect(Collectors.toMap(a -> a.currency().getCurrencyCode(), Catalog.Availability::unitPrice));
    }
}
