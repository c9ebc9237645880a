package com.cspdesk.adapters.crypto.sealing;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.cspdesk.adapters.crypto.secrets.SandboxSecrets;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TinkSecretSealingTest {

    private static final String KEYSET = keyset();
    private static final String SECRET = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    private final TinkSecretSealing sealing = new TinkSecretSealing(KEYSET, null);

    @Test
    void aSealedSecretOpensUnderItsContextAndIsNotInClear() {
        String sealed = sealing.seal(SECRET, "product-key:e1:2019");

        assertThat(sealed).doesNotContain(SECRET).doesNotContain(SECRET.replace("-", ""));
        assertThat(Base64.getDecoder().decode(sealed)).isNotEmpty();
        assertThat(sealing.open(sealed, "product-key:e1:2019")).isEqualTo(SECRET);
        // A random nonce per seal: the same secret twice gives two sealed values.
        assertThat(sealing.seal(SECRET, "product-key:e1:2019")).isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretDoesNotOpenUnderAnotherContextKeysetOrWhenAltered() {
        String sealed = sealing.seal(SECRET, "product-key:e1:2019");
        byte[] altered = Base64.getDecoder().decode(sealed);
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> sealing.open(sealed, "product-key:e2:2019"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("product-key:e2:2019")
                .hasMessageNotContaining(sealed).hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new TinkSecretSealing(keyset(), null).open(sealed, "product-key:e1:2019"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealing.open(Base64.getEncoder().encodeToString(altered), "product-key:e1:2019"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealing.open("not base64 at all!", "product-key:e1:2019"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotatedKeysetStillOpensSecretsSealedUnderTheOldPrimary() throws Exception {
        String sealed = sealing.seal(SECRET, "ctx");
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(
                TinkJsonProtoKeysetFormat.parseKeyset(KEYSET, InsecureSecretKeyAccess.get()));
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary());
        KeysetHandle rotated = builder.build();
        assertThat(rotated.size()).isEqualTo(2);

        TinkSecretSealing next = new TinkSecretSealing(TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()), null);

        assertThat(next.open(sealed, "ctx")).isEqualTo(SECRET);
        // Sealed under the new primary, so the old keyset alone cannot open it.
        String sealedByNext = next.seal(SECRET, "ctx");
        assertThatThrownBy(() -> sealing.open(sealedByNext, "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeysetIsRequiredAndUsableOutsideTheSandbox() {
        assertThatThrownBy(() -> new TinkSecretSealing("{not a keyset}", null)).hasMessageContaining("cspdesk.keys.keyset");
        assertThatThrownBy(() -> new TinkSecretSealing("", null)).hasMessageContaining("CSPDESK_KEYS_KEYSET");
        assertThatThrownBy(() -> new TinkSecretSealing(null, null)).hasMessageContaining("CSPDESK_KEYS_KEYSET");
    }

    /** Sandbox mode without a keyset: the sandbox's kept one, so product keys and kept answers open after a restart. */
    @Test
    void inTheSandboxTheKeptKeysetIsUsedAndValuesSealedBeforeARestartOpenAfterIt() {
        Map<String, String> folder = new HashMap<>();
        SandboxSecrets kept = (name, first) -> folder.computeIfAbsent(name, n -> first.get());
        TinkSecretSealing before = new TinkSecretSealing("", kept);
        String sealed = before.seal(SECRET, "ctx");
        TinkSecretSealing afterRestart = new TinkSecretSealing(null, kept);

        assertThat(folder).containsOnlyKeys("keyset");
        assertThat(afterRestart.open(sealed, "ctx")).isEqualTo(SECRET);
        assertThatThrownBy(() -> new TinkSecretSealing("", (name, first) -> first.get()).open(sealed, "ctx"))
                .as("another data folder").isInstanceOf(IllegalStateException.class);
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
