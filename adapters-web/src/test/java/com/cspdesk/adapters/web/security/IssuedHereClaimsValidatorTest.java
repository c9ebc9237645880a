package com.cspdesk.adapters.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a token must say about itself to count, whatever its signature. */
class IssuedHereClaimsValidatorTest {

    private static final Date LATER = Date.from(Instant.parse("2030-01-01T01:00:00Z"));

    private final IssuedHereClaimsValidator<Object> validator =
            new IssuedHereClaimsValidator<>(new TokenClaims("desk.partner.example", "desk-api"));

    private static JWTClaimsSet.Builder asIssued() {
        return new JWTClaimsSet.Builder().subject("global.admin@partner.demo").claim("roles", List.of("GLOBAL_ADMIN"))
                .issuer("desk.partner.example").audience("desk-api").expirationTime(LATER);
    }

    private boolean counts(JWTClaimsSet.Builder claims) {
        return validator.validate(new JwtClaimsSetAdapter(claims.build()), null);
    }

    @Test
    void aTokenAsTheProductIssuesItCounts() {
        assertThat(counts(asIssued())).isTrue();
        assertThat(counts(asIssued().audience(List.of("another-api", "desk-api")))).as("one of several audiences").isTrue();
    }

    @Test
    void aTokenWithoutExpiryDoesNotCount() {
        assertThat(counts(asIssued().expirationTime(null))).isFalse();
    }

    @Test
    void anotherIssuerOrNoneDoesNotCount() {
        assertThat(counts(asIssued().issuer("another.example"))).isFalse();
        assertThat(counts(asIssued().issuer(null))).isFalse();
        // Micronaut's own issuer check would let these pass: they end with the expected issuer.
        assertThat(counts(asIssued().issuer("evil-desk.partner.example"))).isFalse();
        assertThat(counts(asIssued().issuer("https://desk.partner.example"))).isFalse();
        assertThat(counts(asIssued().issuer("DESK.partner.example"))).isFalse();
    }

    @Test
    void anotherAudienceOrNoneDoesNotCount() {
        assertThat(counts(asIssued().audience("another-api"))).isFalse();
        assertThat(counts(asIssued().audience((String) null))).isFalse();
        assertThat(counts(asIssued().audience("desk-api-2"))).isFalse();
    }

    @Test
    void theIssuerAndAudienceHaveDefaultsButMayNotBeBlank() {
        assertThat(new TokenClaims(TokenClaims.DEFAULT_ISSUER, TokenClaims.DEFAULT_AUDIENCE).issuer()).isEqualTo("cspdesk");
        assertThat(new TokenClaims(" cspdesk ", "cspdesk-api").audience()).isEqualTo("cspdesk-api");
        assertThatThrownBy(() -> new TokenClaims(" ", "cspdesk-api")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cspdesk.security.issuer");
        assertThatThrownBy(() -> new TokenClaims("cspdesk", "")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cspdesk.security.audience");
    }
}
