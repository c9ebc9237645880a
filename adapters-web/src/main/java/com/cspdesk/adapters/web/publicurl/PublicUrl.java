package com.cspdesk.adapters.web.publicurl;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The address users reach the product at: {@code cspdesk.public-url} ({@code CSPDESK_PUBLIC_URL}),
 * e.g. {@code https://desk.partner.example}. A deployment behind a proxy or load balancer that ends
 * TLS should set it: whether the product is on HTTPS — and so whether its cookies are {@code Secure}
 * and HSTS is sent — is then decided by it, not by the connection from the proxy (plain HTTP).
 * Without it, the request's own connection decides, and absolute links use the scheme and host the
 * request came to as Micronaut's {@link HttpHostResolver} sees them. Made at start-up, so a URL that is
 * not an absolute http(s) one stops the start.
 */
@Context
public class PublicUrl {

    private final String configured;
    private final HttpHostResolver hosts;

    PublicUrl(@Nullable @Value("${cspdesk.public-url:}") String configured, HttpHostResolver hosts) {
        this.configured = configured == null || configured.isBlank() ? null : checked(stripSlashes(configured.strip()));
        this.hosts = hosts;
    }

    /** The base of absolute links, without a trailing slash: the configured URL, else this request's. */
    public String base(HttpRequest<?> request) {
        return configured != null ? configured : stripSlashes(hosts.resolve(request));
    }

    /** Whether users reach the product over HTTPS: the configured URL's scheme, else this request's connection. */
    public boolean isHttps(HttpRequest<?> request) {
        return configured != null ? configured.regionMatches(true, 0, "https:", 0, 6) : request.isSecure();
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("cspdesk.public-url is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new ConfigurationException("cspdesk.public-url must be an absolute http(s) URL, e.g. https://desk.example.com");
        }
        return url;
    }

    private static String stripSlashes(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
