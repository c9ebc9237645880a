package com.cspdesk.application.identity.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One secret of an application, as stored: its id, the secret's hash ({@code ClientSecrets#hash}, never
 * the secret), a hint of a few characters to tell secrets apart, when it was added and revoked.
 */
public record ApplicationCredential(String id, String secretHash, String hint, Instant createdAt, Optional<Instant> revokedAt) {

    public ApplicationCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isLive() {
        return revokedAt.isEmpty();
    }

    @Override
    public String toString() {
        return "ApplicationCredential[id=" + id + ", hint=" + hint + ", createdAt=" + createdAt + ", revokedAt=" + revokedAt + "]";
    }
}
