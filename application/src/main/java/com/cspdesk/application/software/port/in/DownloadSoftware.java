package com.cspdesk.application.software.port.in;

import java.time.Instant;

/**
 * Follows a download link. A request from the first byte counts as one download and is logged;
 * a resumed request (a later start offset) continues that download and counts nothing, but the
 * link must still be valid.
 */
public interface DownloadSoftware {

    DownloadResult open(String token, boolean startsAtFirstByte);

    sealed interface DownloadResult {
    }

    record Granted(DownloadableFile file, Instant linkExpiresAt, int downloadsRemaining) implements DownloadResult {
    }

    /** {@code reason}: {@code link_invalid} (unknown or tampered), {@code link_expired}, {@code link_exhausted}, {@code link_revoked}. */
    record Refused(String reason) implements DownloadResult {
    }
}
