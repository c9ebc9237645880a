package com.cspdesk.adapters.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Micronaut's claims for every token the product issues ({@code POST /login} and the dashboard's
 * sign-in alike), with {@code iss} and {@code aud} from {@link TokenClaims} instead of the
 * application's name and no audience.
 */
@Singleton
@Replaces(JWTClaimsSetGenerator.class)
class IssuingClaims extends JWTClaimsSetGenerator {

    private final TokenClaims tokenClaims;

    IssuingClaims(TokenConfiguration tokenConfiguration, @Nullable JtiGenerator jwtIdGenerator,
                  @Nullable ApplicationConfiguration applicationConfiguration, TokenClaims tokenClaims) {
        super(tokenConfiguration, jwtIdGenerator, null, applicationConfiguration);
        this.tokenClaims = tokenClaims;
    }

    @Override
    protected void populateIss(JWTClaimsSet.Builder builder) {
        builder.issuer(tokenClaims.issuer());
    }

    @Override
    protected void populateAud(JWTClaimsSet.Builder builder) {
        builder.audience(List.of(tokenClaims.audience()));
    }
}
