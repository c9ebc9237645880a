package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.publicurl.PublicUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Enforces {@link UiCsrf} on every state-changing request under {@code /ui}: the token comes from
 * the {@value UiCsrf#HEADER} header (htmx), else the {@value UiCsrf#FIELD} form field, else — for
 * multipart uploads only, whose body a filter cannot read — the query string. A request without a
 * valid token is refused with 403 and changes nothing. Safe requests (GET, HEAD) get the seed cookie
 * when they lack one.
 */
@ServerFilter("/ui/**")
class UiCsrfFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(UiCsrfFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);


    private final UiCsrf csrf;
    private final FilterBodyParser bodyParser;
    private final PublicUrl publicUrl;

    UiCsrfFilter(UiCsrf csrf, FilterBodyParser bodyParser, PublicUrl publicUrl) {
        this.csrf = csrf;
        this.bodyParser = bodyParser;
        this.publicUrl = publicUrl;
    }

    /**
     * Goes on with the same request, or fails with {@link UiCsrfRefused} (a 403 page). The future
     * always holds the request: Micronaut 4.10 loses a {@code null} ("go on") that completes a
     * filter's future after the body has been read, and then fails the request.
     */
    @RequestFilter
    public CompletableFuture<HttpRequest<?>> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())) {
            csrf.ensureSeed(request);
            return CompletableFuture.completedFuture(request);
        }
        String header = request.getHeaders().get(UiCsrf.HEADER);
        if (header != null) {
            return decide(request, header);
        }
        String contentType = request.getContentType().map(MediaType::getName).orElse("");
        if (contentType.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
            return bodyParser.parseBody(request)
                    .exceptionally(unreadable -> java.util.Map.of())
                    .thenCompose(form -> {
                        Object field = form.get(UiCsrf.FIELD);
                        return decide(request, field == null ? null : String.valueOf(field));
                    });
        }
        if (contentType.equals(MediaType.MULTIPART_FORM_DATA)) {
            return decide(request, request.getParameters().get(UiCsrf.FIELD));
        }
        return decide(request, null);
    }

    private CompletableFuture<HttpRequest<?>> decide(HttpRequest<?> request, @Nullable String token) {
        if (csrf.isValid(request, token)) {
            return CompletableFuture.completedFuture(request);
        }
        LOG.info("Refused {} {}: missing or wrong CSRF token", request.getMethod(), request.getPath());
        return CompletableFuture.failedFuture(new UiCsrfRefused());
    }

    @ResponseFilter
    public void sendSeed(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> made = request.getAttribute(UiCsrf.NEW_SEED_ATTRIBUTE, String.class);
        made.ifPresent(seed -> response.cookie(UiCsrf.seedCookie(seed, publicUrl.isHttps(request))));
    }

    @Override
    public int getOrder() {
        // After the security filter, so a request that is not signed in is sent to the login page first.
        return ServerFilterPhase.SECURITY.after();
    }
}
