package com.cspdesk.bootstrap.e2e;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The product refuses to start with a JWT secret under 256 bits, or none outside the sandbox, with a
 * public URL that is not one, or without a token issuer and audience.
 */
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
        properties.remove("cspdesk.security.jwt-secret");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("CSPDESK_JWT_SECRET");
    }

    @Test
    void noProductKeyKeysetOutsideTheSandboxStopsTheStart() {
        Map<String, Object> properties = base();
        properties.put("cspdesk.sandbox.enabled", "false");
        properties.remove("cspdesk.keys.keyset");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("CSPDESK_KEYS_KEYSET");
    }

    @Test
    void noDownloadTokenSecretOutsideTheSandboxStopsTheStart() {
        Map<String, Object> properties = base();
        properties.put("cspdesk.sandbox.enabled", "false");
        properties.remove("cspdesk.downloads.token-secret");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("CSPDESK_DOWNLOADS_TOKEN_SECRET");
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlStopsTheStart() {
        Map<String, Object> properties = base();
        properties.put("cspdesk.public-url", "desk.partner.example");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("cspdesk.public-url must be an absolute http(s) URL");
    }

    @Test
    void anEmptyTokenIssuerOrAudienceStopsTheStart() {
        for (String key : new String[] {"cspdesk.security.issuer", "cspdesk.security.audience"}) {
            Map<String, Object> properties = base();
            properties.put(key, " ");
            assertThatThrownBy(() -> ApplicationContext.run(properties).close()).as(key)
                    .hasStackTraceContaining(key + " must not be empty");
        }
    }

    private static Map<String, Object> base() {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        Map<String, Object> properties = new HashMap<>(db.properties(db.newDatabase("startuprefusal")));
        properties.put("micronaut.server.port", "-1");
        properties.put("cspdesk.security.jwt-secret", EndToEnd.JWT_SECRET);
        properties.put("cspdesk.keys.keyset", EndToEnd.KEYSET);
        properties.put("cspdesk.downloads.token-secret", "startup-download-token-secret-0123456789");
        return properties;
    }
}
