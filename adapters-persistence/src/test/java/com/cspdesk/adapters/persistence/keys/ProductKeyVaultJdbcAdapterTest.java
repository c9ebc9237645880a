package com.cspdesk.adapters.persistence.keys;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.software.port.out.ProductKeyVault;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.software.ProductKey;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How keys are kept at rest (Tink, rows); what every vault must do is {@link com.cspdesk.contracts.ProductKeyVaultContract}'s. */
@MicronautTest(startApplication = false, transactional = false)
class ProductKeyVaultJdbcAdapterTest extends OnMariaDb {

    static final String KEYSET = keyset();
    private static final ProductKey KEY = ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B");

    @Inject
    ProductKeyVault vault;
    @Inject
    JdbcOperations jdbc;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("cspdesk.keys.keyset", KEYSET);
        return properties;
    }

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

    @Test
    void aRotatedKeysetStillOpensKeysSealedUnderTheOldPrimary() throws Exception {
        KeyEncryption old = new KeyEncryption(KEYSET, false);
        String sealed = old.seal("BCDFG-HJKMP-QRTVW-XY234-6789B", "ctx");
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(
                TinkJsonProtoKeysetFormat.parseKeyset(KEYSET, InsecureSecretKeyAccess.get()));
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary());
        KeysetHandle rotated = builder.build();
        assertThat(rotated.size()).isEqualTo(2);
        KeyEncryption next = new KeyEncryption(TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()), false);
        assertThat(next.open(sealed, "ctx")).isEqualTo("BCDFG-HJKMP-QRTVW-XY234-6789B");
        assertThatThrownBy(() -> new KeyEncryption("{not a keyset}", false)).hasMessageContaining("cspdesk.keys.keyset");
        assertThatThrownBy(() -> new KeyEncryption("", false)).hasMessageContaining("CSPDESK_KEYS_KEYSET");
    }

    private String column(String sql) {
        return jdbc.execute(connection -> {
            try (ResultSet row = connection.createStatement().executeQuery(sql)) {
                row.next();
                return row.getString(1);
            }
        });
    }

    private static String keyset() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
