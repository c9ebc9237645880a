package com.cspdesk.application.identity.port.out;

import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A stored user. The hash is a secret too: it never appears in {@link #toString()}.
 * {@code sessionGeneration}: the tokens the user may still use carry this number; ending the user's
 * sessions raises it, which refuses every token issued before.
 */
public record UserAccount(Username username, String passwordHash, Set<Role> roles,
                          Optional<String> customerTenantId, Instant createdAt, long sessionGeneration) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** A new account, with its {@linkplain #firstSessionGeneration first session generation}. */
    public UserAccount(Username username, String passwordHash, Set<Role> roles, Optional<String> customerTenantId,
                       Instant createdAt) {
        this(username, passwordHash, roles, customerTenantId, createdAt, firstSessionGeneration(createdAt));
    }

    /**
     * A new account's generation is its creation instant in microseconds, not 0: a user deleted and
     * made again under the same name must not accept the tokens of the one before (whose generation
     * began at its own, earlier creation and rose by one per sign-out since).
     */
    public static long firstSessionGeneration(Instant createdAt) {
        return createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
    }

    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", roles=" + roles + ", customerTenantId="
                + customerTenantId.orElse("-") + ", createdAt=" + createdAt + ", sessionGeneration=" + sessionGeneration + "]";
    }
}
