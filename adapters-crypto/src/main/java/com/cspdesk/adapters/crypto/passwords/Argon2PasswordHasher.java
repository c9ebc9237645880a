package com.cspdesk.adapters.crypto.passwords;

import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Argon2id through Password4j, with OWASP's minimum cost (19 MiB, 2 passes, 1 lane). The hash is
 * a PHC string that carries its own parameters, so raising the cost later still verifies old
 * hashes.
 */
@Singleton
class Argon2PasswordHasher implements PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
