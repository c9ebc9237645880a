package com.cspdesk.application.identity;

/**
 * Whether a token's session is still open cannot be told: the store could not be read a moment ago
 * and nothing about this user is remembered. Its cause is the store's failure (the web adapter answers
 * 503 for a database that is down).
 */
public final class SessionsUnavailable extends RuntimeException {

    SessionsUnavailable(RuntimeException cause) {
        super("the sessions' store cannot be read", cause);
    }
}
