package com.cspdesk.adapters.web.publicurl;

import com.cspdesk.adapters.web.clientaddress.ClientAddresses;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.ProxyHeaderParser;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The address users reach the product at: {@code cspdesk.public-url} ({@code CSPDESK_PUBLIC_URL}),
 * e.g. {@code https://desk.partner.example}. A deployment behind a proxy or load balancer that ends
 * TLS should set it: whether the product is on HTTPS — and so whether its cookies are {@code Secure}
 * and HSTS is sent — is then decided by it, not by the connection from the proxy (plain HTTP).
 * Without it, a request that came through a {@linkplain ClientAddresses#viaTrustedProxy trusted proxy}
 * is believed about where it was sent ({@code Forwarded}, {@code X-Forwarded-Host}/{@code -Proto}/
 * {@code -Port}, then {@code Host}, as Micronaut's {@link HttpHostResolver} reads them); any other
 * request gets the server's own address — the scheme of its connection and the local address and
 * port it came in on — because any client can write those headers, and a download link built from
 * them would hand the link's token to whichever host the client named. Made at start-up, so a URL
 * that is not an absolute http(s) one stops the start.
 */
@Context
public class PublicUrl {

    private final String configured;
    private final HttpHostResolver hosts;
    private final ClientAddresses clients;

    PublicUrl(@Nullable @Value("${cspdesk.public-url:}") String configured, HttpHostResolver hosts, ClientAddresses clients) {
        this.configured = configured == null || configured.isBlank() ? null : checked(stripSlashes(configured.strip()));
        this.hosts = hosts;
        this.clients = clients;
    }

    /**
     * The base of absolute links, without a trailing slash: the configured URL; else, behind a
     * trusted proxy, where the proxy says the request was sent; else the server's own address.
     */
    public String base(HttpRequest<?> request) {
        if (configured != null) {
            return configured;
        }
        if (clients.viaTrustedProxy(request)) {
            return forwardedBase(request);
        }
        return ownAddress(request);
    }

    /**
     * Whether users reach the product over HTTPS: the configured URL's scheme; else, behind a trusted
     * proxy, the proxy's {@code X-Forwarded-Proto} (or {@code Forwarded: proto=}); else this request's connection.
     */
    public boolean isHttps(HttpRequest<?> request) {
        if (configured != null) {
            return configured.regionMatches(true, 0, "https:", 0, 6);
        }
        if (request.isSecure()) {
            return true;
        }
        return clients.viaTrustedProxy(request) && "https".equals(forwardedScheme(request));
    }

    /**
     * Where a trusted proxy says the request was sent: Micronaut's reading of {@code Forwarded},
     * {@code X-Forwarded-Host}/{@code -Port} and {@code Host}, with the proxy's scheme even when it
     * forwards only {@code X-Forwarded-Proto} (and keeps the original {@code Host}).
     */
    private String forwardedBase(HttpRequest<?> request) {
        String resolved = stripSlashes(hosts.resolve(request));
        String scheme = forwardedScheme(request);
        int separator = resolved.indexOf("://");
        return scheme == null || separator < 0 ? resolved : scheme + resolved.substring(separator);
    }

    /** The proxy's {@code Forwarded: proto=} or {@code X-Forwarded-Proto}, when it is http or https. */
    private static String forwardedScheme(HttpRequest<?> request) {
        String scheme = new ProxyHeaderParser(request).getScheme();
        String lower = scheme == null ? null : scheme.strip().toLowerCase(Locale.ROOT);
        return "https".equals(lower) || "http".equals(lower) ? lower : null;
    }

    /**
     * The scheme of the connection and the local address and port it came in on ({@code localhost}
     * for a loopback connection); no header is read.
     */
    private static String ownAddress(HttpRequest<?> request) {
        String scheme = request.isSecure() ? "https" : "http";
        InetSocketAddress local = request.getServerAddress();
        if (local == null || local.getAddress() == null) {
            return scheme + "://localhost";
        }
        InetAddress address = local.getAddress();
        boolean onThisMachine = address.isAnyLocalAddress() || address.isLoopbackAddress();
        String host = onThisMachine ? "localhost" : address.getHostAddress();
        if (address instanceof Inet6Address && !onThisMachine) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return scheme + "://" + host + ":" + local.getPort();
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
