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
 * <p>The byte allowance: a link sends at most its downloads' worth of bytes, {@code maxDownloads}
 * times its file's size, and every byte it sends counts. A request from the first byte is a download
 * and uses a whole file's worth (whatever part of it the connection then takes); a range that
 * starts later (a broken connection resumed, a download manager's parallel ranges) is not a
 * download but uses its own bytes. A request that would go beyond the allowance is refused as
 * exhausted — so after the 50th whole download not one more range is served, and parts used along
 * the way bring the link's end forward (a new link can be made at any time).
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

    /**
     * May the link serve one more download, from the first byte of a file of {@code fileSize} bytes,
     * at {@code now}: one of its downloads and a whole file's worth of its byte allowance.
     */
    public DownloadDecision check(DownloadLink link, Instant now, long fileSize) {
        return judge(link, now, fileSize, fileSize, true);
    }

    /**
     * May the link send {@code bytes} of a file of {@code fileSize} bytes as a part that does not
     * start at the first byte, at {@code now}: not a download, but its bytes count.
     */
    public DownloadDecision checkPart(DownloadLink link, Instant now, long fileSize, long bytes) {
        return judge(link, now, fileSize, bytes, false);
    }

    private DownloadDecision judge(DownloadLink link, Instant now, long fileSize, long bytes, boolean download) {
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
        if ((download && link.downloadsCompleted() >= maxDownloads) || bytes > bytesLeft(link, fileSize)) {
            return new DownloadDecision.Refused(DownloadRefusal.EXHAUSTED);
        }
        DownloadLink after = download ? link.recordDownload() : link.recordResumedPart(bytes);
        return new DownloadDecision.Allowed(expiresAt(link), downloadsRemaining(after, fileSize));
    }

    /** The bytes a link may send of a file of {@code fileSize} bytes, downloads and parts together: its downloads' worth. */
    public long byteAllowance(long fileSize) {
        return saturatedTimes(fileSize, maxDownloads);
    }

    /** The bytes of its allowance the link has used: a file's worth per download plus its parts. */
    public long bytesUsed(DownloadLink link, long fileSize) {
        long downloads = saturatedTimes(fileSize, link.downloadsCompleted());
        return downloads > Long.MAX_VALUE - link.resumedBytes() ? Long.MAX_VALUE : downloads + link.resumedBytes();
    }

    /** The bytes the link may still send of a file of {@code fileSize} bytes (never negative). */
    public long bytesLeft(DownloadLink link, long fileSize) {
        return Math.max(0, byteAllowance(fileSize) - bytesUsed(link, fileSize));
    }

    /**
     * Whole downloads the link may still serve of a file of {@code fileSize} bytes, ignoring time:
     * the fewer of its downloads left and the whole files its bytes left still hold.
     */
    public int downloadsRemaining(DownloadLink link, long fileSize) {
        int byCount = Math.max(0, maxDownloads - link.downloadsCompleted());
        if (fileSize == 0) {
            return byCount;
        }
        return (int) Math.min(byCount, bytesLeft(link, fileSize) / fileSize);
    }

    private static long saturatedTimes(long fileSize, long times) {
        try {
            return Math.multiplyExact(fileSize, times);
        } catch (ArithmeticException beyondAnyFile) {
            return Long.MAX_VALUE;
        }
    }

    /** The first instant at which the link no longer serves downloads. */
    public Instant expiresAt(DownloadLink link) {
        return link.issuedAt().plus(lifetime);
    }
}
