package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed double-submit token: it passes only with the seed cookie it was made from and the
 * session it was made in; another seed, another session, no cookie or no token are refused.
 */
class UiCsrfTest {

    private static final String SEED = "c2VlZC1vZi10aGlydHktdHdvLWJ5dGVzLWZvci10aGUtdGVzdA";
    private static final String OTHER_SEED = "b3RoZXItc2VlZC1vZi10aGlydHktdHdvLWJ5dGVzLWZvci10ZXN0";

    private final UiCsrf csrf = new UiCsrf();

    @Test
    void theTokenOfAPagePassesWithTheSameCookies() {
        String token = csrf.tokenFor(request(SEED, "jwt-a"));
        assertThat(csrf.isValid(request(SEED, "jwt-a"), token)).isTrue();
    }

    @Test
    void aTokenDoesNotPassWithAnotherSeedOrInAnotherSession() {
        String token = csrf.tokenFor(request(SEED, "jwt-a"));
        assertThat(csrf.isValid(request(OTHER_SEED, "jwt-a"), token)).isFalse();
        assertThat(csrf.isValid(request(SEED, "jwt-b"), token)).isFalse();
        assertThat(csrf.isValid(request(SEED, null), token)).isFalse();
    }

    @Test
    void nothingPassesWithoutTheSeedCookieOrWithoutAToken() {
        String token = csrf.tokenFor(request(SEED, "jwt-a"));
        assertThat(csrf.isValid(request(null, "jwt-a"), token)).isFalse();
        assertThat(csrf.isValid(request(SEED, "jwt-a"), null)).isFalse();
        assertThat(csrf.isValid(request(SEED, "jwt-a"), "")).isFalse();
        assertThat(csrf.isValid(request(SEED, "jwt-a"), token + "x")).isFalse();
    }

    @Test
    void aRequestWithoutSeedGetsOneForItsPageAndItsResponse() {
        MutableHttpRequest<?> first = request(null, null);
        String token = csrf.tokenFor(first);
        String seed = first.getAttribute(UiCsrf.NEW_SEED_ATTRIBUTE, String.class).orElseThrow();
        assertThat(seed).hasSizeGreaterThanOrEqualTo(40);
        assertThat(csrf.isValid(request(seed, null), token)).isTrue();
        assertThat(UiCsrf.seedCookie(seed, true).isHttpOnly()).isTrue();
        assertThat(UiCsrf.seedCookie(seed, true).isSecure()).isTrue();
    }

    private static MutableHttpRequest<?> request(String seed, String jwt) {
        MutableHttpRequest<?> request = HttpRequest.GET("/ui/customers");
        if (seed != null) {
            request.cookie(Cookie.of(UiCsrf.SEED_COOKIE, seed));
        }
        if (jwt != null) {
            request.cookie(Cookie.of(SessionCookie.NAME, jwt));
        }
        return request;
    }
}
