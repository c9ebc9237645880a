package com.cspdesk.adapters.web.downloads;

/**
 * The conditional headers a download answers (RFC 9110 §13.1): {@code If-None-Match} with the
 * weak comparison, {@code If-Range} with the strong one. The file's entity tag is its SHA-256,
 * strong, {@code "<hex>"}.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String of(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /** {@code If-None-Match}: {@code *} or a list of tags, one of them (weak or strong) ours. */
    static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code If-Range}: the range is honoured only when it names our strong tag exactly; a weak
     * tag, another tag or a date (the download has no {@code Last-Modified}) means "send it all".
     */
    static boolean rangeStillValid(String ifRange, String etag) {
        return ifRange == null || ifRange.strip().equals(etag);
    }
}
