package com.cspdesk.adapters.web.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Who issues the product's tokens and whom they are for: {@code cspdesk.security.issuer}
 * ({@code CSPDESK_SECURITY_ISSUER}, default {@value #DEFAULT_ISSUER}) and {@code cspdesk.security.audience}
 * ({@code CSPDESK_SECURITY_AUDIENCE}, default {@value #DEFAULT_AUDIENCE}). The same two values are written
 * into every token ({@link IssuingClaims}) and demanded of every token presented ({@link IssuedHereClaimsValidator}),
 * so a token another system signed with a shared key, or one meant for another audience, is refused.
 * Made at start-up, so an empty one stops the start.
 */
@Context
public class TokenClaims {

    public static final String DEFAULT_ISSUER = "cspdesk";
    public static final String DEFAULT_AUDIENCE = "cspdesk-api";

    private final String issuer;
    private final String audience;

    TokenClaims(@Value("${cspdesk.security.issuer:" + DEFAULT_ISSUER + "}") String issuer,
                @Value("${cspdesk.security.audience:" + DEFAULT_AUDIENCE + "}") String audience) {
        this.issuer = required(issuer, "cspdesk.security.issuer");
        this.audience = required(audience, "cspdesk.security.audience");
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(key + " must not be empty: tokens are checked against it.");
        }
        return value.strip();
    }
}
