package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/**
 * The dashboard's session: the same signed JWT that {@code POST /login} hands to API callers, kept
 * in an HttpOnly, SameSite=Strict cookie (Secure when the request came over HTTPS) so page scripts
 * never see it and other sites never send it.
 */
public final class SessionCookie {

    /** Micronaut's default name for a JWT cookie. */
    public static final String NAME = "JWT";

    private SessionCookie() {
    }

    public static Cookie of(String jwt, Duration lifetime, HttpRequest<?> request) {
        return Cookie.of(NAME, jwt).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(request.isSecure())
                .maxAge(lifetime);
    }

    public static Cookie cleared(HttpRequest<?> request) {
        return Cookie.of(NAME, "").path("/").httpOnly(true).sameSite(SameSite.Strict).secure(request.isSecure())
                .maxAge(0);
    }
}
