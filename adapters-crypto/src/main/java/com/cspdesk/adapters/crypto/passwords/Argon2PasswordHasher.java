package com.cspdesk.adapters.crypto.passwords;

import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Argon2id through Password4j, with OWASP's minimum cost (19 MiB, 2 passes, 1 lane). The hash is
 * a PHC string that carries its own parameters, so raising the cost later still verifies old
 * hashes. Every hash and check runs under {@link HashingPermits}: at most
 * {@code cspdesk.passwords.hashing-threads} at once (default: half the cores, at least one), at most
 * {@code cspdesk.passwords.hashing-queue} callers waiting (default 256), each at most
 * {@code cspdesk.passwords.hashing-wait} (default 10 s) before it is refused as busy.
 */
@Singleton
class Argon2PasswordHasher implements PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private final HashingPermits permits;

    @Inject
    Argon2PasswordHasher(@Value("${cspdesk.passwords.hashing-threads:0}") int threads,
                         @Value("${cspdesk.passwords.hashing-queue:256}") int queue,
                         @Value("${cspdesk.passwords.hashing-wait:10s}") Duration longestWait) {
        this(new HashingPermits(HashingPermits.threads(threads), queue, longestWait));
    }

    Argon2PasswordHasher(HashingPermits permits) {
        this.permits = permits;
    }

    @Override
    public String hash(String password) {
        return permits.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return permits.run(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }
}
