package com.cspdesk.adapters.web.security;

import com.cspdesk.application.identity.port.in.CheckApplicationToken;
import com.cspdesk.application.identity.port.in.CheckSession;
import com.cspdesk.domain.identity.ServiceCaller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A signed token is only as good as its session: refused (401, as an unsigned one) when its user was
 * deleted or its sessions ended since it was issued, and when it carries no session generation (it
 * could never be ended). Runs for every token of every request, on the blocking pool where Micronaut
 * validates tokens; the answer comes from {@link CheckSession}'s brief memory, so it costs one map
 * look-up, and one read of the user every few seconds. An application's token ({@link ApplicationClaims})
 * counts while its application and credential are live ({@link CheckApplicationToken}, remembered as briefly).
 */
@Singleton
class SessionClaimValidator<T> implements GenericJwtClaimsValidator<T> {

    private final CheckSession checkSession;
    private final CheckApplicationToken checkApplicationToken;

    SessionClaimValidator(CheckSession checkSession, CheckApplicationToken checkApplicationToken) {
        this.checkSession = checkSession;
        this.checkApplicationToken = checkApplicationToken;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Object application = claims.get(ApplicationClaims.APPLICATION_CLAIM);
        if (application != null) {
            // An application's token: only while the application and the credential it was got with are live.
            Object credential = claims.get(ApplicationClaims.CREDENTIAL_CLAIM);
            return application instanceof String id && credential instanceof String credentialId
                    && ServiceCaller.actorName(id).equals(claims.get(Claims.SUBJECT))
                    && checkApplicationToken.isLive(id, credentialId);
        }
        Object subject = claims.get(Claims.SUBJECT);
        Object generation = claims.get(SignedInClaims.SESSION_CLAIM);
        // Integral numbers only: a JSON 1.5 is no generation.
        if (!(subject instanceof String username) || !(generation instanceof Long || generation instanceof Integer)) {
            return false;
        }
        return checkSession.isCurrent(username, ((Number) generation).longValue());
    }
}
