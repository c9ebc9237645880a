package com.cspdesk.adapters.memory.catalog;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.contracts.CatalogContract;
import com.cspdesk.contracts.CatalogListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MemoryAdapters.class)
class CatalogOnMemoryTest extends CatalogContract {

    /** Read back, the catalog is its file to the last field (the file is the JDBC catalog's: CatalogFileOnH2Test). */
    @Test
    void theCatalogIsExactlyItsFile() throws IOException {
        try (InputStream file = MemoryCatalog.class.getResourceAsStream(MemoryCatalog.FILE)) {
            assertThat(CatalogListing.of(port(Catalog.class))).isEqualTo(new String(file.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
