package com.cspdesk.adapters.web.clientaddress;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Where a request came from: the connection's peer, unless that is a {@linkplain TrustedProxies
 * trusted proxy} — then the last address in {@code X-Forwarded-For} that is not a trusted proxy
 * itself (each proxy appends what it saw, so entries left of an untrusted one could be forged).
 * {@link ClientAddressFilter} resolves it once per request; {@link #current()} reads it back.
 */
@Singleton
public class ClientAddresses {

    static final String ATTRIBUTE = "cspdesk.clientAddress";

    private final TrustedProxies proxies;

    public ClientAddresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** The client's address of this request (an IP literal), resolved as above. */
    public String resolve(HttpRequest<?> request) {
        String peer = peer(request);
        if (!proxies.trusts(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For");
        String client = peer;
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (TrustedProxies.literal(hop).isEmpty()) {
                    return client;
                }
                client = hop;
                if (!proxies.trusts(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    /** Whether the request came through a trusted proxy, so its other forwarded headers may be believed. */
    public boolean viaTrustedProxy(HttpRequest<?> request) {
        return proxies.trusts(peer(request));
    }

    /** The client address of the request being served on this thread, if any. */
    public static Optional<String> current() {
        return ServerRequestContext.currentRequest().flatMap(request -> of(request));
    }

    /** The client address {@link ClientAddressFilter} put on this request. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    private static String peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
