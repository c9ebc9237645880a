package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.RoundTripsOnMariaDb;
import com.cspdesk.application.catalog.port.out.Catalog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order line looks up its product, SKU and availability: in a read-only transaction each lookup
 * was 7 statements (21 of an order's 38). The catalog is read once per process (three SELECTs) and
 * then costs the server nothing.
 */
@MicronautTest(startApplication = false, transactional = false)
class CatalogLookupRoundTripsTest extends RoundTripsOnMariaDb {

    private static final String WS_DATACENTER = "DG7GMGF043ZJ";

    /** Products, SKUs and availabilities. */
    private static final long THREE_SELECTS = 3;

    @Inject
    Catalog catalog;

    @Test
    void theFirstUseReadsTheCatalogOnceAndLookupsThenCostNoStatement() {
        long first = statements().of(catalog::products);
        assertThat(first).as("statements to read the catalog").isEqualTo(THREE_SELECTS);

        Catalog.Availability offer = catalog.availabilities(WS_DATACENTER, "0001").get(0);
        long lookups = statements().of(() -> {
            for (int line = 0; line < 10; line++) {
                assertThat(catalog.product(WS_DATACENTER)).isPresent();
                assertThat(catalog.sku(WS_DATACENTER, "0001")).isPresent();
                assertThat(catalog.availability(WS_DATACENTER, "0001", offer.id())).contains(offer);
                assertThat(catalog.product("NOSUCHPRODCT")).isEmpty();
            }
            return null;
        });
        assertThat(lookups).as("statements for 40 catalog lookups").isZero();
    }
}
