package com.cspdesk.adapters.crypto.sealing;

import com.cspdesk.adapters.crypto.secrets.SandboxSecrets;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Context;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Secrets sealed with a Tink AEAD keyset (AES-256-GCM) from {@code cspdesk.keys.keyset}
 * ({@code CSPDESK_KEYS_KEYSET}, Tink's JSON keyset format); the sealed form is the Base64 of Tink's
 * ciphertext. Rotation is Tink's: add a new key to the keyset and make it primary; values sealed
 * under the old ones still open. Sandbox mode without a keyset uses the sandbox's own
 * ({@link SandboxSecrets}: made once per data folder, so sealed values still open after a restart).
 */
// Built at start-up, so a missing or bad secret stops the start rather than a later request.
@Context
class TinkSecretSealing implements SecretSealing {

    private final Aead aead;

    TinkSecretSealing(@Nullable @Value("${cspdesk.keys.keyset:}") String keyset,
                      @Nullable SandboxSecrets sandbox) {
        try {
            AeadConfig.register();
            String json = keyset;
            if (json == null || json.isBlank()) {
                if (sandbox == null) {
                    throw new ConfigurationException("No product-key encryption keyset: set CSPDESK_KEYS_KEYSET"
                            + " (cspdesk.keys.keyset) to a Tink JSON AEAD keyset, see README \"Configuration\".");
                }
                json = sandbox.kept("keyset", TinkSecretSealing::newKeyset);
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json.strip(), InsecureSecretKeyAccess.get());
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cspdesk.keys.keyset is not a usable Tink AEAD keyset: " + e.getClass().getSimpleName());
        }
    }

    /** A new AES-256-GCM keyset in Tink's JSON format. */
    private static String newKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("making a keyset failed", e);
        }
    }

    @Override
    public String seal(String clearText, String context) {
        try {
            byte[] sealed = aead.encrypt(clearText.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a secret failed", e);
        }
    }

    @Override
    public String open(String sealed, String context) {
        try {
            byte[] clear = aead.decrypt(Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the sealed value or the key in the message: only which context failed.
            throw new IllegalStateException("a sealed secret does not open for " + context
                    + " (wrong keyset, or the stored value was altered)");
        }
    }
}
