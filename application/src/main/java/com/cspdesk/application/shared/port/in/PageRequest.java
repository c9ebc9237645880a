package com.cspdesk.application.shared.port.in;

import java.util.Optional;

/**
 * api.md "Collections": {@code size} (default 50, at most 500) and an opaque continuation token
 * (keyset paging: the token names the last item seen, never an offset).
 */
public record PageRequest(int size, Optional<String> continuationToken) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
        continuationToken = continuationToken == null ? Optional.empty() : continuationToken.filter(t -> !t.isBlank());
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }
}
