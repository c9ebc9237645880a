package com.cspdesk.adapters.web.security;

import com.cspdesk.application.identity.port.in.GrantApplicationToken.ApplicationCaller;
import com.cspdesk.application.identity.port.in.SignedInUser;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Issues the token of a signed-in user — the same claims, lifetime and key whether {@code POST /login},
 * {@code POST /login/mfa} or the dashboard's sign-in asks (its {@code iss}, {@code aud} and
 * {@code exp} come from {@link IssuingClaims}) — and of an application ({@code POST /oauth2/token}).
 */
@Singleton
public class TokenIssuer {

    private final TokenGenerator tokenGenerator;
    private final AccessTokenConfiguration accessTokens;

    TokenIssuer(TokenGenerator tokenGenerator, AccessTokenConfiguration accessTokens) {
        this.tokenGenerator = tokenGenerator;
        this.accessTokens = accessTokens;
    }

    /** The signed token; empty only if the key cannot sign (a configuration fault). */
    public Optional<String> issue(SignedInUser user) {
        Authentication authentication = Authentication.build(user.username().value(), roleNames(user),
                SignedInClaims.of(user));
        return tokenGenerator.generateToken(authentication, accessTokens.getExpiration());
    }

    /** The signed token of an application that passed the client-credentials grant; the same key and lifetime. */
    public Optional<String> issue(ApplicationCaller caller) {
        Authentication authentication = Authentication.build(ApplicationClaims.subject(caller),
                caller.roles().stream().map(Enum::name).sorted().toList(), ApplicationClaims.of(caller));
        return tokenGenerator.generateToken(authentication, accessTokens.getExpiration());
    }

    /** How long a token lasts. */
    public Duration lifetime() {
        return Duration.ofSeconds(accessTokens.getExpiration());
    }

    public static List<String> roleNames(SignedInUser user) {
        return user.roles().stream().map(Enum::name).sorted().toList();
    }
}
