package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A registered application as its admins see it: never a secret, only each credential's hint. */
public record ApplicationView(String id, String name, Set<Role> roles, Instant createdAt, String createdBy,
                              Optional<Instant> revokedAt, List<CredentialView> credentials) {

    /** One credential: its id, hint, and when it was added and revoked. */
    public record CredentialView(String id, String hint, Instant createdAt, Optional<Instant> revokedAt) {
    }
}
