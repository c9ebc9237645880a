package com.cspdesk.domain.software;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Anchor facts "Product keys and download links": a link expires after 14 days or 50 downloads, whichever comes first, is revoked with its purchase, and can be made anew at any time.
 *
 * <p>Edges: a link issued at {@code t} serves downloads while {@code now < t + lifetime}; at exactly
 * {@code t + 14 days} it has expired ("after 2 weeks" means the 2 weeks are over). It serves downloads
 * number 1 to 50; the 51st is refused. When several reasons apply, revoked wins over expired, and expired
 * over exhausted. Both limits are configurable.
 *
 * <p>Resumed downloads: a request for a part that does not start at the first byte continues a
 * download (a broken connection, a download manager's parallel ranges) and is not counted as one.
 * So that parts cannot stand in for downloads, the resumed parts of a link send at most its
 * downloads' worth of bytes in all: 50 times the file's size, so each download can be resumed
 * from any point, the 50th included. A part that would go beyond that is refused as exhausted.
 */
public final class DownloadLinkPolicy {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);
    public static final int DEFAULT_MAX_DOWNLOADS = 50;

    private final Duration lifetime;
    private final int maxDownloads;

    public DownloadLinkPolicy(Duration lifetime, int maxDownloads) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("a link lives for a positive time: " + lifetime);
        }
        if (maxDownloads < 1) {
            throw new IllegalArgumentException("a link serves at least one download: " + maxDownloads);
        }
        this.lifetime = lifetime;
        this.maxDownloads = maxDownloads;
    }

    /** 14 days, 50 downloads. */
    public static DownloadLinkPolicy defaults() {
        return new DownloadLinkPolicy(DEFAULT_LIFETIME, DEFAULT_MAX_DOWNLOADS);
    }

    /** A new link for a purchase; always possible while the purchase is not cancelled. */
    public NewLinkDecision issue(Instant now, boolean purchaseCancelled) {
        Objects.requireNonNull(now, "now");
        if (purchaseCancelled) {
            return new NewLinkDecision.Refused(DownloadRefusal.REVOKED);
        }
        DownloadLink link = DownloadLink.issuedAt(now);
        return new NewLinkDecision.Issued(link, expiresAt(link), maxDownloads);
    }

    /** May the link serve one more download at {@code now}. */
    public DownloadDecision check(DownloadLink link, Instant now) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(now, "now");
        if (link.revoked()) {
            return new DownloadDecision.Refused(DownloadRefusal.REVOKED);
        }
        if (!now.isBefore(expiresAt(link))) {
            return new DownloadDecision.Refused(DownloadRefusal.EXPIRED);
        }
        if (link.downloadsCompleted() >= maxDownloads) {
            return new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED);
        }
        return new DownloadDecision.Allowed(expiresAt(link), downloadsRemaining(link) - 1);
    }

    /**
     * May the link send {@code bytes} of a file of {@code fileSize} bytes as a resumed part (a
     * range not starting at the first byte) at {@code now}. Not a download: nothing is counted.
     */
    public DownloadDecision checkPart(DownloadLink link, Instant now, long fileSize, long bytes) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(now, "now");
        if (fileSize < 0 || bytes < 0) {
            throw new IllegalArgumentException("sizes are not negative: " + fileSize + ", " + bytes);
        }
        if (link.revoked()) {
            return new DownloadDecision.Refused(DownloadRefusal.REVOKED);
        }
        if (!now.isBefore(expiresAt(link))) {
            return new DownloadDecision.Refused(DownloadRefusal.EXPIRED);
        }
        if (bytes > resumeAllowance(fileSize) - link.resumedBytes()) {
            return new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED);
        }
        return new DownloadDecision.Allowed(expiresAt(link), downloadsRemaining(link));
    }

    /** The bytes a link may send as resumed parts of a file of {@code fileSize} bytes: its downloads' worth. */
    public long resumeAllowance(long fileSize) {
        try {
            return Math.multiplyExact(fileSize, (long) maxDownloads);
        } catch (ArithmeticException beyondAnyFile) {
            return Long.MAX_VALUE;
        }
    }

    /** The first instant at which the link no longer serves downloads. */
    public Instant expiresAt(DownloadLink link) {
        return link.issuedAt().plus(lifetime);
    }

    /** Downloads the link may still serve, ignoring time. */
    public int downloadsRemaining(DownloadLink link) {
        return Math.max(0, maxDownloads - link.downloadsCompleted());
    }
}
