package com.cspdesk.adapters.web.security;

import com.cspdesk.application.identity.port.in.GrantApplicationToken.ApplicationCaller;
import com.cspdesk.domain.identity.ServiceCaller;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of an application's token (the client-credentials grant), besides its subject
 * ({@code app:} and the application's id, never a user's name) and roles: the application's id
 * ({@value #APPLICATION_CLAIM}) and the credential it proved itself with ({@value #CREDENTIAL_CLAIM}),
 * which {@link SessionClaimValidator} checks are still live on every request. It carries no session
 * generation and no tenant: it is no user's session, and applications act for the partner.
 */
public final class ApplicationClaims {

    /** The application's id (its OAuth client id), as in Azure AD's tokens. */
    public static final String APPLICATION_CLAIM = "appid";
    /** The id of the credential (secret) the token was got with. */
    public static final String CREDENTIAL_CLAIM = "cred";

    private ApplicationClaims() {
    }

    static Map<String, Object> of(ApplicationCaller caller) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(APPLICATION_CLAIM, caller.applicationId());
        claims.put(CREDENTIAL_CLAIM, caller.credentialId());
        return claims;
    }

    static String subject(ApplicationCaller caller) {
        return ServiceCaller.actorName(caller.applicationId());
    }

    /** The application a verified token was issued to, if it is an application's. */
    public static Optional<String> applicationOf(Authentication authentication) {
        Object claim = authentication.getAttributes().get(APPLICATION_CLAIM);
        return claim instanceof String id && !id.isBlank() ? Optional.of(id) : Optional.empty();
    }
}
