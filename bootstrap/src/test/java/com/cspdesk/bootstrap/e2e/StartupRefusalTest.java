package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The product refuses to start with a JWT secret under 256 bits, or none outside the sandbox. */
class StartupRefusalTest {

    @Test
    void aShortJwtSecretStopsTheStart() {
        Map<String, Object> properties = base();
        properties.put("cspdesk.security.jwt-secret", "only-31-bytes-long-secret-12345");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("shorter than 256 bits");
    }

    @Test
    void noJwtSecretOutsideTheSandboxStopsTheStart() {
        Map<String, Object> properties = base();
        properties.put("cspdesk.sandbox.enabled", "false");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("CSPDESK_JWT_SECRET");
    }

    private static Map<String, Object> base() {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        Map<String, Object> properties = new HashMap<>(db.properties(db.newDatabase("startuprefusal")));
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
