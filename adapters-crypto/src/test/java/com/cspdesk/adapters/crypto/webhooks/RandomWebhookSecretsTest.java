package com.cspdesk.adapters.crypto.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomWebhookSecretsTest {

    private final RandomWebhookSecrets secrets = new RandomWebhookSecrets();

    @Test
    void a_secret_is_standard_webhooks_whsec_and_the_base64_of_32_random_bytes() {
        String secret = secrets.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void no_two_secrets_are_alike() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            made.add(secrets.newSecret());
        }
        assertThat(made).hasSize(1000);
    }
}
