package com.cspdesk.adapters.web.downloads;

import com.cspdesk.adapters.web.publicurl.PublicUrl;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute address of a download link, {@code <base>/downloads/<token>}. The base is
 * {@code cspdesk.public-url} ({@code CSPDESK_PUBLIC_URL}) when set — what a deployment behind a
 * proxy or load balancer should do — and otherwise {@link PublicUrl#base}: what a trusted proxy
 * forwards, else the server's own address, never a client's {@code Host} or {@code X-Forwarded-*}.
 */
@Singleton
public class DownloadUris {

    static final String PATH = "/downloads";

    private final PublicUrl publicUrl;

    DownloadUris(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The link's absolute URI for this request. */
    public String of(HttpRequest<?> request, String token) {
        return publicUrl.base(request) + PATH + "/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
