package com.cspdesk.adapters.crypto.webhooks;

import com.cspdesk.application.webhooks.port.out.WebhookSigning;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signatures by the Standard Webhooks reference library for Java ({@code com.standardwebhooks}), the
 * same code receivers verify with: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}
 * under the secret's bytes. Secrets are {@value #PREFIX} and 32 random bytes (256 bits), base64, as the
 * specification recommends (24 to 64 bytes).
 */
@Singleton
class StandardWebhooksSigning implements WebhookSigning {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String signature(String secret, String webhookId, long timestamp, String body) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        try {
            // The library reads the secret's base64 itself; a malformed one is an IllegalArgumentException.
            return new Webhook(secret).sign(webhookId, timestamp, body);
        } catch (EmptyWebhookSecretException empty) {
            throw new IllegalArgumentException("the webhook secret is empty", empty);
        } catch (WebhookSigningException failed) {
            throw new IllegalStateException("HMAC-SHA256 failed", failed);
        }
    }

    @Override
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
