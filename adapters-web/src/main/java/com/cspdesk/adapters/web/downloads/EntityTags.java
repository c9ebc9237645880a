package com.cspdesk.adapters.web.downloads;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags and the conditional headers that name them (RFC 9110 §8.8.3, §13.1), for every answer that
 * has one: a download's is its file's SHA-256, strong, {@code "<hex>"}; a revalidated JSON answer's
 * (api {@code ConditionalAnswers}) is weak, {@code W/"<hex>"}, the first 128 bits of the SHA-256 of its bytes.
 * {@code If-None-Match} compares weakly, {@code If-Range} strongly.
 */
public final class EntityTags {

    private static final HexFormat HEX = HexFormat.of();
    /** 128 bits of SHA-256: no two answers of one resource share a tag by chance. */
    private static final int WEAK_TAG_BYTES = 16;

    private EntityTags() {
    }

    /** The strong tag of a file whose SHA-256 (hex) is known. */
    static String of(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /** The weak tag of a representation that is written anew on each request (JSON): its bytes' hash. */
    public static String weakOf(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "W/\"" + HEX.formatHex(digest, 0, WEAK_TAG_BYTES) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code If-None-Match}: {@code *} or a list of tags, one of them ours by the weak comparison. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            if (opaque(candidate.strip()).equals(ours)) {
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

    /** The quoted tag without its weakness mark. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
