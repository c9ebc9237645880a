package com.cspdesk.application.shared.port.out;

/**
 * Seals secrets we must keep but never store in clear (product keys; kept idempotent answers, which
 * may hold a download link; a later issue uses it for users' TOTP secrets too). Authenticated
 * encryption: the {@code context} is associated data, so a sealed value only opens under the context
 * it was sealed with — a ciphertext copied to another row does not open there. Which cipher and
 * where its key comes from is the adapter's.
 */
public interface SecretSealing {

    /** The sealed form of {@code clearText}, bound to {@code context}; text, safe to store as is. */
    String seal(String clearText, String context);

    /**
     * The clear text of a value {@link #seal sealed} under the same {@code context}.
     *
     * @throws IllegalStateException when it does not open (another key or context, or altered);
     *         the message names the context, never the sealed value or the key
     */
    String open(String sealed, String context);
}
