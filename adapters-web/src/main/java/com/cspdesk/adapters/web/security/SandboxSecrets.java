package com.cspdesk.adapters.web.security;

import java.util.function.Supplier;

/**
 * Sandbox mode's own secrets, for the JWT key when none is configured: made once and then the same
 * on every start (bootstrap keeps them in the data folder, readable by its owner only), so a demo's
 * tokens outlive a restart and no secret is published or printed. Only sandbox mode has this bean.
 */
@FunctionalInterface
public interface SandboxSecrets {

    /** The secret kept as {@code name} ({@code [a-z-]+}): made by {@code firstValue} on first use, then the same. */
    String kept(String name, Supplier<String> firstValue);
}
