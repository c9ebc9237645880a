package com.cspdesk.adapters.web.downloads;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute address of a download link, {@code <base>/downloads/<token>}. The base is
 * {@code cspdesk.public-url} ({@code CSPDESK_PUBLIC_URL}) when set — what a deployment behind a
 * proxy or load balancer should do — and otherwise the scheme and host the request came to, as
 * Micronaut's {@link HttpHostResolver} sees them (it honours {@code Forwarded}/{@code X-Forwarded-*}
 * only when {@code micronaut.server.host-resolution} says so).
 */
@Singleton
public class DownloadUris {

    static final String PATH = "/downloads";

    private final String publicUrl;
    private final HttpHostResolver hosts;

    DownloadUris(@Nullable @Value("${cspdesk.public-url:}") String publicUrl, HttpHostResolver hosts) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : stripSlashes(publicUrl.strip());
        this.hosts = hosts;
        if (this.publicUrl != null) {
            URI checked = URI.create(this.publicUrl);
            if (!checked.isAbsolute() || checked.getHost() == null) {
                throw new IllegalArgumentException("cspdesk.public-url must be an absolute http(s) URL");
            }
        }
    }

    /** The link's absolute URI for this request. */
    public String of(HttpRequest<?> request, String token) {
        String base = publicUrl != null ? publicUrl : stripSlashes(hosts.resolve(request));
        return base + PATH + "/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String stripSlashes(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
