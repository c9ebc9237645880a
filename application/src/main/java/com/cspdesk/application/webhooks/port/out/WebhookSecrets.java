package com.cspdesk.application.webhooks.port.out;

/** New signing secrets for webhooks, in Standard Webhooks' form; which random source makes them is the adapter's. */
public interface WebhookSecrets {

    /** {@code whsec_} and the Base64 of at least 256 random bits from a secure source. */
    String newSecret();
}
