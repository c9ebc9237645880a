package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vault on MariaDB, sealing with the real Tink adapter (adapters-crypto, test scope; sandbox mode
 * gives it a keyset for the run), as production does: what it keeps at rest. What every vault must do
 * is {@link com.cspdesk.contracts.ProductKeyVaultContract}'s; rotation and refusals of the keyset itself
 * are that adapter's own tests.
 */
@MicronautTest(startApplication = false, transactional = false)
class ProductKeyVaultJdbcAdapterTest extends OnMariaDb {

    private static final ProductKey KEY = ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B");

    @Inject
    ProductKeyVault vault;
    @Inject
    JdbcOperations jdbc;

    @Test
    void aKeyIsStoredOnlyEncrypted() {
        assertThat(vault.keep("11111111-0000-4000-8000-000000000001", SoftwareVersion.of("2019"), KEY)).isTrue();
        assertThat(vault.find("11111111-0000-4000-8000-000000000001", SoftwareVersion.of("2019"))).contains(KEY);

        String stored = column("SELECT ciphertext FROM product_key WHERE entitlement_id = '11111111-0000-4000-8000-000000000001'");
        assertThat(stored).doesNotContain(KEY.revealClearText()).doesNotContain(KEY.revealClearText().replace("-", ""));
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotDecrypt() {
        vault.keep("11111111-0000-4000-8000-000000000003", SoftwareVersion.of("2022"), KEY);
        vault.keep("11111111-0000-4000-8000-000000000004", SoftwareVersion.of("2022"), ProductKey.parse("QRTVW-XY234-6789B-BCDFG-HJKMP"));
        jdbc.execute(connection -> connection.createStatement().executeUpdate(
                "UPDATE product_key SET ciphertext = (SELECT c FROM (SELECT ciphertext AS c FROM product_key"
                        + " WHERE entitlement_id = '11111111-0000-4000-8000-000000000003') x)"
                        + " WHERE entitlement_id = '11111111-0000-4000-8000-000000000004'"));
        assertThatThrownBy(() -> vault.find("11111111-0000-4000-8000-000000000004", SoftwareVersion.of("2022")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(KEY.revealClearText());
    }

    private String column(String sql) {
        return jdbc.execute(connection -> {
            try (ResultSet row = connection.createStatement().executeQuery(sql)) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
