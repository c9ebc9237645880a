package com.cspdesk.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The failed sign-ins counted against one account or one client address: how many in a row, and
 * when the last one was. A successful sign-in of the account clears its count.
 */
public record FailedSignIns(int count, Instant lastFailure) {

    public FailedSignIns {
        Objects.requireNonNull(lastFailure, "lastFailure");
        if (count < 1) {
            throw new IllegalArgumentException("a failure count starts at 1");
        }
    }
}
