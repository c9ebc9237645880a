package com.cspdesk.adapters.web.correlation;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/** Sets the correlation id for the whole request, log lines included, and echoes it. */
@Filter(Filter.MATCH_ALL_PATTERN)
class CorrelationIdFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        // Before security, so refusals carry the id too.
        return ServerFilterPhase.FIRST.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String id = CorrelationId.fromHeader(request);
        request.setAttribute(CorrelationId.ATTRIBUTE, id);
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(new RequestLogContext(id)).propagate()) {
            return Publishers.map(chain.proceed(request), response -> response.header(CorrelationId.HEADER, id));
        }
    }
}
