package com.cspdesk.adapters.crypto.passwords;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(new HashingPermits(1, 4, java.time.Duration.ofSeconds(30)));

    @Test
    void hashesWithArgon2idAndARandomSalt() {
        String first = hasher.hash("Correct-Horse-9");
        String second = hasher.hash("Correct-Horse-9");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("Correct-Horse-9");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("Correct-Horse-9");
        assertThat(hasher.matches("Correct-Horse-9", hash)).isTrue();
        assertThat(hasher.matches("correct-horse-9", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches("Correct-Horse-9", "not-a-hash")).isFalse();
        assertThat(hasher.matches("Correct-Horse-9", null)).isFalse();
    }
}
