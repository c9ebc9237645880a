package com.cspdesk.application.webhooks.port.out;

/**
 * Signs a webhook delivery per the Standard Webhooks specification, so receivers can verify with its
 * published libraries: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * under a {@code whsec_}-prefixed base64 secret.
 */
public interface WebhookSigning {

    /**
     * The {@code webhook-signature} value for one delivery; {@code timestamp} is the
     * {@code webhook-timestamp} (seconds since the epoch, from the caller's clock).
     *
     * @throws IllegalArgumentException when the secret is not a {@code whsec_} base64 secret
     */
    String signature(String secret, String webhookId, long timestamp, String body);

    /** A new random signing secret, {@code whsec_} and base64: shown once, kept sealed. */
    String newSecret();
}
