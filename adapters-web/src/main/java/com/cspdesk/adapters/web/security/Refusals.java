package com.cspdesk.adapters.web.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;

/**
 * A use case's "not permitted" answer (the core's permission table said no), given the way the
 * route rule gives it: the one handler of refused requests answers 403 problem+json on the API and
 * the 403 page on the dashboard. While every route declares its permission the rule refuses first,
 * so this is the use cases' own check showing through, never a second decision.
 */
public final class Refusals {

    private Refusals() {
    }

    /** Never returns: the refusal leaves as 403 (nothing was done). Typed so that it fits any answer. */
    public static <T> T notPermitted(Authentication caller) {
        throw new AuthorizationException(caller);
    }
}
