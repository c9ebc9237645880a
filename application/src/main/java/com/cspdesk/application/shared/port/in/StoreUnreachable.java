package com.cspdesk.application.shared.port.in;

/**
 * What any use case may fail with: the store that keeps the data is known to be unreachable (no
 * database host answered the adapter's last probe), so the work was refused at once rather than after
 * the connection pool's wait. The adapter that keeps the data throws it (as the cause of its own
 * failure); callers answer "try again later" and need not report it again: the adapter says once when
 * the store went and when it came back.
 */
public final class StoreUnreachable extends RuntimeException {

    public StoreUnreachable() {
        super("the data store is unreachable", null, false, false);
    }
}
