package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the session JWT from its cookie, next to Micronaut's bearer reader (which stays first, so an
 * API caller's {@code Authorization} header wins). Micronaut's own {@code CookieTokenReader} is bound
 * to the cookie authentication mode, which would turn {@code POST /login} into a cookie login; the
 * JSON API keeps its bearer login, so the dashboard brings this reader.
 *
 * <p>The cookie counts everywhere under {@code /ui}, whose forms are CSRF-protected, and elsewhere only
 * for reading (GET, HEAD) — e.g. an invoice's PDF or the activity log's CSV linked from a page. A
 * state-changing JSON API call always needs the bearer token, so the API needs no CSRF defence.
 */
@Singleton
class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        boolean dashboard = request.getPath().equals("/ui") || request.getPath().startsWith("/ui/");
        boolean reading = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!dashboard && !reading) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue).filter(value -> !value.isBlank());
    }

    @Override
    public int getOrder() {
        return BearerTokenReader.ORDER + 100;
    }
}
