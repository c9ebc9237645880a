package com.cspdesk.adapters.persistence.catalog;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.contracts.Adapters;
import com.cspdesk.contracts.CatalogListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory adapter's catalog file is the JDBC catalog as the migration loads it: this fails when
 * a migration changes the catalog and the file was not made again. Making it again is running this
 * test with {@code -Dcspdesk.catalog.write=true} (then commit the file).
 */
@ExtendWith(JdbcAdapters.H2.class)
class CatalogFileOnH2Test {

    /** Surefire runs in the module's directory; the file is in the sibling module's resources. */
    static final Path FILE = Path.of("..", "adapters-memory", "src", "main", "resources", "com", "cspdesk", "adapters",
            "memory", "catalog", "catalog.tsv");

    @Test
    void theMemoryCatalogFileIsTheMigrationsCatalog(Adapters h2) throws IOException {
        String listing = CatalogListing.of(h2.get(Catalog.class));
        if (Boolean.getBoolean("cspdesk.catalog.write")) {
            Files.writeString(FILE, listing, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).isEqualTo(listing);
    }
}
