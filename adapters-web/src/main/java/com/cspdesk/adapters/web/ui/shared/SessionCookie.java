package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.publicurl.PublicUrl;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/**
 * The dashboard's session: the same signed JWT that {@code POST /login} hands to API callers, kept
 * in an HttpOnly, SameSite=Strict cookie so page scripts never see it and other sites never send it;
 * {@code Secure} whenever the product is on HTTPS ({@link PublicUrl#isHttps}), behind a proxy too.
 */
public final class SessionCookie {

    /** Micronaut's default name for a JWT cookie. */
    public static final String NAME = "JWT";

    private SessionCookie() {
    }

    public static Cookie of(String jwt, Duration lifetime, boolean https) {
        return Cookie.of(NAME, jwt).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(https).maxAge(lifetime);
    }

    public static Cookie cleared(boolean https) {
        return Cookie.of(NAME, "").path("/").httpOnly(true).sameSite(SameSite.Strict).secure(https).maxAge(0);
    }
}
