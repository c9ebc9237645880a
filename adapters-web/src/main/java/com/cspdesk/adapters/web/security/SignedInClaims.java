package com.cspdesk.adapters.web.security;

import com.cspdesk.application.identity.port.in.SignedInUser;

import java.util.HashMap;
import java.util.Map;

/**
 * The claims every token of the product carries besides its subject and roles, the same whether
 * {@code POST /login} or the dashboard's sign-in issues it: the customer's tenant for a customer's
 * user ({@value Actors#TENANT_CLAIM}) and the user's session generation ({@value #SESSION_CLAIM}),
 * which {@link SessionClaimValidator} compares with the stored one, and whether it may only enrol a second
 * factor ({@value #ENROLMENT_ONLY_CLAIM}).
 */
public final class SignedInClaims {

    /** The session generation the token was issued in. */
    public static final String SESSION_CLAIM = "sgen";
    /** Present (true) when the token may only enrol a second factor ({@code mfa.EnrolmentOnlyFilter} refuses it elsewhere). */
    public static final String ENROLMENT_ONLY_CLAIM = "mfa_enrol_only";

    private SignedInClaims() {
    }

    public static Map<String, Object> of(SignedInUser user) {
        Map<String, Object> claims = new HashMap<>();
        user.customerTenantId().ifPresent(tenant -> claims.put(Actors.TENANT_CLAIM, tenant));
        claims.put(SESSION_CLAIM, user.sessionGeneration());
        if (user.enrolmentOnly()) {
            claims.put(ENROLMENT_ONLY_CLAIM, true);
        }
        return claims;
    }
}
