package com.cspdesk.application.identity.port.out;

import com.cspdesk.domain.identity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered application as stored: its id (the OAuth {@code client_id}), name, roles, who registered
 * it and when, when it was revoked (if it was), and its credentials in the order they were added.
 */
public record RegisteredApplication(String id, String name, Set<Role> roles, Instant createdAt, String createdBy,
                                    Optional<Instant> revokedAt, List<ApplicationCredential> credentials) {

    public RegisteredApplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
        credentials = List.copyOf(credentials);
    }

    public boolean isLive() {
        return revokedAt.isEmpty();
    }

    /** The credential of that id while it and the application are live. */
    public Optional<ApplicationCredential> liveCredential(String credentialId) {
        if (!isLive()) {
            return Optional.empty();
        }
        return credentials.stream().filter(c -> c.id().equals(credentialId) && c.isLive()).findFirst();
    }

    public List<ApplicationCredential> liveCredentials() {
        return credentials.stream().filter(ApplicationCredential::isLive).toList();
    }
}
