package com.cspdesk.domain.software;

import java.time.Instant;
import java.util.Objects;

/** The answer of {@link DownloadLinkPolicy#issue}: a new link, or why none is made. */
public sealed interface NewLinkDecision {

    /** A new link, valid until {@code expiresAt} for {@code downloadsRemaining} downloads. */
    record Issued(DownloadLink link, Instant expiresAt, int downloadsRemaining) implements NewLinkDecision {
        public Issued {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** No link: the purchase is cancelled ({@link DownloadRefusal#REVOKED}). */
    record Refused(DownloadRefusal reason) implements NewLinkDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
