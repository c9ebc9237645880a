package com.cspdesk.adapters.crypto.webhooks;

import com.cspdesk.application.webhooks.port.out.WebhookSecrets;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signing secrets as the Standard Webhooks specification writes them: {@value #PREFIX} and the
 * standard Base64 of 32 bytes (256 bits) from {@link SecureRandom}, which its published libraries take as
 * is. Kept sealed by the use case, never hashed: delivery signs with it.
 */
@Singleton
class RandomWebhookSecrets implements WebhookSecrets {

    static final String PREFIX = "whsec_";
    static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
