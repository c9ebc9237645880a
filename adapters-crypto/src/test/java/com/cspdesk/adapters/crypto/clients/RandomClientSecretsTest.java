package com.cspdesk.adapters.crypto.clients;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RandomClientSecretsTest {

    private final RandomClientSecrets secrets = new RandomClientSecrets();

    @Test
    void secretsAreLongUrlSafeAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = secrets.newSecret();
            assertThat(secret).startsWith("cspd_").hasSize(48).matches("cspd_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void theHashIsSha256OfTheSecretTheSameEachTimeAndNeverTheSecret() {
        String secret = secrets.newSecret();

        assertThat(secrets.hash(secret)).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(secrets.hash(secret))
                .doesNotContain(secret.substring(5));
        assertThat(secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(secrets.hash(secret + "x")).isNotEqualTo(secrets.hash(secret));
    }
}
