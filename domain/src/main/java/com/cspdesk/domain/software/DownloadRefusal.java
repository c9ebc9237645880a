package com.cspdesk.domain.software;

/** Why a download link may not serve the bits (or may not be issued); {@link #code()} is stable. */
public enum DownloadRefusal {
    /** Spec "Post-cancellation details": the purchase was cancelled, its links are revoked. */
    REVOKED("link_revoked"),
    /** The link's lifetime (14 days by default) is over. */
    EXPIRED("link_expired"),
    /** The link served its maximum number of downloads (50 by default). */
    EXHAUSTED("link_exhausted");

    private final String code;

    DownloadRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
