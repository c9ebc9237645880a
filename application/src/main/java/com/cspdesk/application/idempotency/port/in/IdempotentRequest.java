package com.cspdesk.application.idempotency.port.in;

import java.util.Objects;

/**
 * A state-changing request that carries an idempotency key ({@code MS-RequestId} or
 * {@code Idempotency-Key}). {@code scope} is the caller (keys of different callers never
 * meet), {@code fingerprint} a digest of method, path and body.
 */
public record IdempotentRequest(String scope, String key, String fingerprint) {

    public static final int MAX_KEY_LENGTH = 128;

    public IdempotentRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static boolean isValidKey(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
