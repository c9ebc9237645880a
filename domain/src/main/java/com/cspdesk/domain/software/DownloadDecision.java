package com.cspdesk.domain.software;

import java.time.Instant;
import java.util.Objects;

/** The answer of {@link DownloadLinkPolicy#check}: may this download proceed now. */
public sealed interface DownloadDecision {

    boolean allowed();

    /** Proceed; after this download {@code downloadsRemainingAfter} remain until {@code expiresAt}. */
    record Allowed(Instant expiresAt, int downloadsRemainingAfter) implements DownloadDecision {
        public Allowed {
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** Refuse, never serving the bits. */
    record Refused(DownloadRefusal reason) implements DownloadDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }
}
