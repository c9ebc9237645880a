package com.cspdesk.application.identity.port.in;

/**
 * Asked for every signed-in request: is the session a token belongs to still open? It is not when
 * the user was deleted or its sessions were ended (sign-out, sign-out everywhere) since the token
 * was issued. Answers from a brief per-instance memory, so other instances follow within seconds.
 */
public interface CheckSession {

    /** {@code username} and {@code sessionGeneration} as the verified token states them. */
    boolean isCurrent(String username, long sessionGeneration);
}
