package com.cspdesk.adapters.persistence;

import com.cspdesk.adapters.crypto.secrets.SandboxSecrets;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Adapter tests run in sandbox mode without bootstrap's secrets folder: their keyset and token
 * secret are made for the test run, in memory. Steps aside wherever bootstrap's own exists.
 */
@Singleton
@Secondary
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
class SecretsForThisRun implements SandboxSecrets {

    private final Map<String, String> made = new ConcurrentHashMap<>();

    @Override
    public String kept(String name, Supplier<String> firstValue) {
        return made.computeIfAbsent(name, n -> firstValue.get());
    }
}
