package com.cspdesk.adapters.web.correlation;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * Puts the request's OpenTelemetry trace and span ids into its log lines beside the correlation id.
 * Micronaut Tracing's server filter (phase TRACING, just before this one) has started the server
 * span, continuing the caller's W3C {@code traceparent} when one came, so a caller finds its own
 * trace id in the lines. A request without a span (a path in otel.exclusions, such as /health)
 * has lines without the ids.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class TraceIdsInLogsFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        SpanContext span = Span.current().getSpanContext();
        Optional<RequestLogContext> logContext = RequestLogContext.current();
        if (!span.isValid() || logContext.isEmpty()) {
            return chain.proceed(request);
        }
        logContext.get().trace(span.getTraceId(), span.getSpanId());
        // Propagated afresh, so this thread's MDC has the ids too from here on (restored after).
        try (PropagatedContext.Scope ignored = PropagatedContext.get().propagate()) {
            return chain.proceed(request);
        }
    }
}
