package com.cspdesk.adapters.web.publicurl;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Tells browsers to come back over HTTPS only (HSTS, a year, subdomains included) on every answer —
 * refusals and errors too — whenever the product is on HTTPS ({@link PublicUrl#isHttps}), even when a
 * proxy in front of it ended TLS and forwarded plain HTTP.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class StrictTransportSecurityFilter implements HttpServerFilter {

    static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000; includeSubDomains";

    private final PublicUrl publicUrl;

    StrictTransportSecurityFilter(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public int getOrder() {
        // Outside security, so its refusals carry the header too.
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!publicUrl.isHttps(request)) {
            return chain.proceed(request);
        }
        return Publishers.map(chain.proceed(request), response -> response.header(HEADER, VALUE));
    }
}
