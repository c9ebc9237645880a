package com.cspdesk.adapters.crypto.sealing;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TinkSecretSealingTest {

    private static final String KEYSET = keyset();
    private static final String SECRET = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    private final TinkSecretSealing sealing = new TinkSecretSealing(KEYSET, false);

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
        assertThatThrownBy(() -> new TinkSecretSealing(keyset(), false).open(sealed, "product-key:e1:2019"))
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

        TinkSecretSealing next = new TinkSecretSealing(TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()), false);

        assertThat(next.open(sealed, "ctx")).isEqualTo(SECRET);
        // Sealed under the new primary, so the old keyset alone cannot open it.
        String sealedByNext = next.seal(SECRET, "ctx");
        assertThatThrownBy(() -> sealing.open(sealedByNext, "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeysetIsRequiredAndUsableOutsideTheSandbox() {
        assertThatThrownBy(() -> new TinkSecretSealing("{not a keyset}", false)).hasMessageContaining("cspdesk.keys.keyset");
        assertThatThrownBy(() -> new TinkSecretSealing("", false)).hasMessageContaining("CSPDESK_KEYS_KEYSET");
        assertThatThrownBy(() -> new TinkSecretSealing(null, false)).hasMessageContaining("CSPDESK_KEYS_KEYSET");
        TinkSecretSealing sandbox = new TinkSecretSealing("", true);
        assertThat(sandbox.open(sandbox.seal(SECRET, "ctx"), "ctx")).isEqualTo(SECRET);
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
