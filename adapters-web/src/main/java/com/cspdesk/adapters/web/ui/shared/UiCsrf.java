package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF protection of the dashboard's forms: a <em>signed double-submit token</em> (OWASP's
 * "signed double-submit cookie" pattern), stateless like the rest of the product.
 *
 * <ul>
 *   <li>The browser holds a random 256-bit seed in the cookie {@value #SEED_COOKIE} (HttpOnly,
 *       SameSite=Strict, Secure on HTTPS), set the first time it opens a dashboard page.</li>
 *   <li>Every form carries {@code csrfToken} = HMAC-SHA256(seed, "cspdesk-ui-csrf|" + the session's JWT);
 *       htmx sends the same value as the {@value #HEADER} header.</li>
 *   <li>A POST (PUT, PATCH, DELETE) under {@code /ui} is served only when the token it carries
 *       equals the one computed from the cookies the browser sent ({@link UiCsrfFilter}).</li>
 * </ul>
 *
 * Another site can make the browser send the cookies, but can read neither of them (HttpOnly), so it
 * cannot compute the token; and the token is bound to the session, so a token seen before signing
 * in, or in another session, does not pass. The Micronaut module micronaut-security-csrf was not
 * used: the version the platform BOM names (4.15.1) is not published in the Maven repository
 * reachable here.
 */
@Singleton
public class UiCsrf {

    public static final String SEED_COOKIE = "cspdesk_csrf";
    public static final String FIELD = "csrfToken";
    public static final String HEADER = "X-CSRF-Token";
    /** Where the filter leaves a seed it made for this request, for the page and the response. */
    public static final String NEW_SEED_ATTRIBUTE = "cspdesk.ui.csrf.new-seed";
    private static final int SEED_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** The token the page being rendered for this request puts into its forms. */
    public String tokenFor(HttpRequest<?> request) {
        return token(seedOf(request).orElseGet(() -> ensureSeed(request)), sessionOf(request));
    }

    /** True when {@code presented} is the token of this request's seed and session. */
    public boolean isValid(HttpRequest<?> request, String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 128) {
            return false;
        }
        Optional<String> seed = seedOf(request);
        if (seed.isEmpty()) {
            return false;
        }
        byte[] expected = token(seed.get(), sessionOf(request)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The seed of this request: the cookie, or one made for it (and sent back with the response). */
    public String ensureSeed(HttpRequest<?> request) {
        Optional<String> existing = seedOf(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[SEED_BYTES];
        random.nextBytes(bytes);
        String seed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(NEW_SEED_ATTRIBUTE, seed);
        return seed;
    }

    public static Cookie seedCookie(String seed, boolean secure) {
        return Cookie.of(SEED_COOKIE, seed).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(secure);
    }

    private static Optional<String> seedOf(HttpRequest<?> request) {
        Optional<String> made = request.getAttribute(NEW_SEED_ATTRIBUTE, String.class);
        if (made.isPresent()) {
            return made;
        }
        return request.getCookies().findCookie(SEED_COOKIE).map(Cookie::getValue)
                .filter(value -> value.length() >= 40 && value.length() <= 64 && value.matches("[A-Za-z0-9_-]+"));
    }

    private static String sessionOf(HttpRequest<?> request) {
        return request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue).orElse("");
    }

    public static String token(String seed, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] digest = mac.doFinal(("cspdesk-ui-csrf|" + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
