package com.cspdesk.adapters.persistence;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Persistence adapter tests run on the throwaway MariaDB, each test class in a fresh database
 * migrated by Flyway: the production schema on a real MySQL-compatible server, never H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnMariaDb implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        String url = db.newDatabase(getClass().getSimpleName().toLowerCase(Locale.ROOT));
        Map<String, String> properties = new HashMap<>(db.properties(url));
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("micronaut.server.port", "-1");
        // Sandbox mode: the secrets that production must configure are made for the test run.
        properties.put("cspdesk.sandbox.enabled", "true");
        return properties;
    }
}
