package com.cspdesk.adapters.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A token counts only if it says when it ends ({@code exp}), that this product issued it ({@code iss})
 * and that it is meant for this product's API ({@code aud}), after {@link TokenClaims}. Runs after the
 * signature check, next to Micronaut's own expiration validator, which refuses an {@code exp} in the past
 * but lets a token without one live for ever. Micronaut's issuer validator is not used: it accepts any
 * {@code iss} that merely ends with the expected one (scheme ignored); this one compares exactly.
 */
@Singleton
class IssuedHereClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final TokenClaims tokenClaims;

    IssuedHereClaimsValidator(TokenClaims tokenClaims) {
        this.tokenClaims = tokenClaims;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return validate(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims));
    }

    boolean validate(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        return claims.getExpirationTime() != null
                && tokenClaims.issuer().equals(claims.getIssuer())
                && audience != null && audience.contains(tokenClaims.audience());
    }
}
