package com.cspdesk.adapters.web.api;

import com.cspdesk.adapters.web.downloads.EntityTags;
import com.cspdesk.adapters.web.downloads.StreamingBody;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Conditional GETs (RFC 9110 §13.1.2) for the routes marked {@link Revalidated}, in one place: after the
 * route has answered (so the permission check and the tenant's 404 came first, and a caller can never get
 * a 304 for what it may not read), a 200 JSON answer is written to bytes once, here, with the same
 * {@link JsonMapper} the server would use; the bytes' hash is the weak {@code ETag}. A request whose
 * {@code If-None-Match} names it gets {@code 304 Not Modified} with no body (the transfer and any gzip are
 * saved); otherwise the bytes themselves are the body, so nothing is serialised twice.
 *
 * <p>Because the tag is the hash of exactly what this caller would receive, it differs whenever the answer
 * differs: for another caller (a partner's agent and a customer's admin), another language, another page.
 * The answers are private and must be revalidated before reuse ({@code Cache-Control: private, no-cache});
 * {@code Vary} names the request headers the answer depends on. Partner Center's SDK ignores all three.
 */
@ServerFilter("/v1/**")
class ConditionalAnswers implements Ordered {

    static final String CACHE_CONTROL = "private, no-cache";
    static final String VARY = "Accept, Accept-Language, Authorization";

    private final JsonMapper json;

    ConditionalAnswers(JsonMapper json) {
        this.json = json;
    }

    @ResponseFilter
    public void revalidate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean marked = RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(match -> ((MethodBasedRouteMatch<?, ?>) match).hasAnnotation(Revalidated.class))
                .orElse(false);
        if (marked) {
            answer(request, response);
        }
    }

    /** The 200 JSON answer with its tag, or the 304 that replaces it; anything else untouched. */
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpMethod method = request.getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || response.code() != HttpStatus.OK.getCode()) {
            return;
        }
        Object body = response.getBody().orElse(null);
        MediaType type = response.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
        if (body == null || body instanceof byte[] || body instanceof CharSequence || body instanceof StreamingBody
                || !type.matches(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = EntityTags.weakOf(bytes);
        response.getHeaders().remove(HttpHeaders.CACHE_CONTROL);
        response.getHeaders().remove(HttpHeaders.PRAGMA);
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).header(HttpHeaders.VARY, VARY);
        if (EntityTags.noneMatchHits(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.status(HttpStatus.NOT_MODIFIED).body(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        } else {
            response.body(bytes).contentType(type);
        }
    }

    @Override
    public int getOrder() {
        // Innermost: it sees the route's own answer, after security and before anything that writes it.
        return ServerFilterPhase.RENDERING.order();
    }
}
