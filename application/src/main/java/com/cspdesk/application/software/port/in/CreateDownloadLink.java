package com.cspdesk.application.software.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.time.Instant;

/**
 * Spec "Activate and manage software subscriptions" steps 4–5 and anchor facts: a download link
 * for a version, language and bitness that expires after 14 days or 50 downloads, whichever
 * comes first; a new one can be made at any time.
 */
public interface CreateDownloadLink {

    LinkResult create(ChosenSoftware choice, Actor actor);

    sealed interface LinkResult {
    }

    /** {@code token} is unguessable and tamper-proof; the web adapter makes the URI from it. */
    record Created(String token, Instant expiresAt, int downloadsRemaining, String sha256, long sizeBytes,
                   String fileName) implements LinkResult {
        @Override
        public String toString() {
            return "Created[token=***, expiresAt=" + expiresAt + ", fileName=" + fileName + "]";
        }
    }

    record Refused(SoftwareRefusal refusal) implements LinkResult {
    }

    /** The table does not let the actor do this; nothing was looked at or issued. */
    record NotPermitted(Permission permission) implements LinkResult {
    }
}
