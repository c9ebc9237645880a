package com.cspdesk.adapters.crypto.secrets;

import java.util.function.Supplier;

/**
 * Sandbox mode's own secrets, for the keyset and the download-token secret when none is configured:
 * made once and then the same on every start (bootstrap keeps them in the data folder, readable by
 * its owner only), so sealed product keys and kept answers still open and issued links still work
 * after a restart, and no secret is published with the code. Only sandbox mode has this bean; outside
 * it a missing secret stops the start.
 */
@FunctionalInterface
public interface SandboxSecrets {

    /** The secret kept as {@code name} ({@code [a-z-]+}): made by {@code firstValue} on first use, then the same. */
    String kept(String name, Supplier<String> firstValue);
}
