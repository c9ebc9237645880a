package com.cspdesk.domain.software;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one download link ("Copy Link", spec "Activate and manage software subscriptions" step 5):
 * when it was issued, how many downloads it has served, how many bytes it has sent as resumed
 * parts of downloads and whether it was revoked.
 * Limits are not here but in {@link DownloadLinkPolicy}, so configuration can change them.
 */
public record DownloadLink(Instant issuedAt, int downloadsCompleted, long resumedBytes, boolean revoked) {

    public DownloadLink {
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (downloadsCompleted < 0) {
            throw new IllegalArgumentException("downloads are not negative: " + downloadsCompleted);
        }
        if (resumedBytes < 0) {
            throw new IllegalArgumentException("resumed bytes are not negative: " + resumedBytes);
        }
    }

    /** A link that has sent no resumed part yet. */
    public DownloadLink(Instant issuedAt, int downloadsCompleted, boolean revoked) {
        this(issuedAt, downloadsCompleted, 0, revoked);
    }

    /** A fresh link issued at {@code now}. */
    public static DownloadLink issuedAt(Instant now) {
        return new DownloadLink(now, 0, 0, false);
    }

    /** This link after one more completed download. */
    public DownloadLink recordDownload() {
        return new DownloadLink(issuedAt, downloadsCompleted + 1, resumedBytes, revoked);
    }

    /** This link after sending a resumed part of {@code bytes}. */
    public DownloadLink recordResumedPart(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes sent are not negative: " + bytes);
        }
        return new DownloadLink(issuedAt, downloadsCompleted, resumedBytes + bytes, revoked);
    }

    /** This link revoked (spec "Post-cancellation details": cancelling a purchase revokes its links). */
    public DownloadLink revoke() {
        return new DownloadLink(issuedAt, downloadsCompleted, resumedBytes, true);
    }
}
