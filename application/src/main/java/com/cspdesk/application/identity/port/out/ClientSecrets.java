package com.cspdesk.application.identity.port.out;

/**
 * The applications' secrets: new random ones, and the hash a secret is kept and checked as. Which
 * random source and hash compute it is the adapter's.
 */
public interface ClientSecrets {

    /** A new secret with at least 256 bits from a secure random source, in URL-safe characters. */
    String newSecret();

    /** The hash a secret is kept as, the same for the same secret (so a presented one can be checked). */
    String hash(String secret);
}
