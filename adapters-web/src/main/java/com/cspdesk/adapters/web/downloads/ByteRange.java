package com.cspdesk.adapters.web.downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code Range} header (RFC 9110 §14) asks of a representation of {@code size} bytes.
 * One range only: a header with several ranges is ignored and the whole file is served (200),
 * as §14.2 allows; so is a header that cannot be parsed or names another unit. A range that
 * starts at or beyond the end is unsatisfiable (416).
 */
sealed interface ByteRange {

    /** No usable Range: the whole representation, 200. */
    record Whole() implements ByteRange {
    }

    /** Bytes {@code first} to {@code last}, both inclusive, 206. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Nothing of the representation is in the range: 416 with {@code Content-Range: bytes *}/size. */
    record Unsatisfiable() implements ByteRange {
    }

    /** Longest number accepted: more digits than a long holds are not a range but garbage. */
    int MAX_DIGITS = 18;

    static ByteRange of(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        List<String> specs = new ArrayList<>();
        for (String spec : value.substring(equals + 1).split(",", -1)) {
            if (!spec.isBlank()) {
                specs.add(spec.strip());
            }
        }
        if (specs.size() != 1) {
            return new Whole();
        }
        String spec = specs.get(0);
        int dash = spec.indexOf('-');
        if (dash < 0 || dash != spec.lastIndexOf('-')) {
            return new Whole();
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        if (first.isEmpty()) {
            // bytes=-n: the last n bytes.
            if (!isNumber(last)) {
                return new Whole();
            }
            long suffix = Long.parseLong(last);
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, size - suffix), size - 1);
        }
        if (!isNumber(first) || !(last.isEmpty() || isNumber(last))) {
            return new Whole();
        }
        long from = Long.parseLong(first);
        if (!last.isEmpty() && Long.parseLong(last) < from) {
            return new Whole();
        }
        if (from >= size) {
            return new Unsatisfiable();
        }
        long to = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
        return new Part(from, to);
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
