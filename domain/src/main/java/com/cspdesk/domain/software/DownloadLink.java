package com.cspdesk.domain.software;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one download link ("Copy Link", spec "Activate and manage software subscriptions" step 5):
 * when it was issued, how many downloads it has served and whether it was revoked.
 * Limits are not here but in {@link DownloadLinkPolicy}, so configuration can change them.
 */
public record DownloadLink(Instant issuedAt, int downloadsCompleted, boolean revoked) {

    public DownloadLink {
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (downloadsCompleted < 0) {
            throw new IllegalArgumentException("downloads are not negative: " + downloadsCompleted);
        }
    }

    /** A fresh link issued at {@code now}. */
    public static DownloadLink issuedAt(Instant now) {
        return new DownloadLink(now, 0, false);
    }

    /** This link after one more completed download. */
    public DownloadLink recordDownload() {
        return new DownloadLink(issuedAt, downloadsCompleted + 1, revoked);
    }

    /** This link revoked (spec "Post-cancellation details": cancelling a purchase revokes its links). */
    public DownloadLink revoke() {
        return new DownloadLink(issuedAt, downloadsCompleted, true);
    }
}
