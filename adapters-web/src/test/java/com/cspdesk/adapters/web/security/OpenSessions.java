package com.cspdesk.adapters.web.security;

import com.cspdesk.application.identity.port.in.CheckApplicationToken;
import com.cspdesk.application.identity.port.in.CheckSession;
import com.cspdesk.application.identity.port.in.EndSessions;
import com.cspdesk.domain.access.Actor;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * For web tests about something else than sessions ({@value #PROPERTY}={@code open}): every
 * session of generation {@value #GENERATION} is open, and {@link #token} issues such a token.
 */
@Singleton
@Requires(property = OpenSessions.PROPERTY, value = "open")
public class OpenSessions implements CheckSession, EndSessions, CheckApplicationToken {

    public static final String PROPERTY = "test.sessions";
    static final long GENERATION = 1;

    public static String token(ApplicationContext context, String username, List<String> roles) {
        return context.getBean(JwtTokenGenerator.class).generateToken(Authentication.build(username, roles,
                Map.of(SignedInClaims.SESSION_CLAIM, GENERATION)), 600).orElseThrow();
    }

    @Override
    public boolean isCurrent(String username, long sessionGeneration) {
        return sessionGeneration == GENERATION;
    }

    /** No application is registered in these tests: an application's token never counts. */
    @Override
    public boolean isLive(String applicationId, String credentialId) {
        return false;
    }

    @Override
    public boolean endSessionsOf(Actor actor) {
        return true;
    }
}
