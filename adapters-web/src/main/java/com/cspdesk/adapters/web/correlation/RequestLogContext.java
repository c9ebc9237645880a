package com.cspdesk.adapters.web.correlation;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

import java.util.Map;
import java.util.Optional;

/**
 * What every log line of a request carries: its correlation id and, once Micronaut Tracing has
 * started the server span, the trace and span ids. Kept in Micronaut's {@link PropagatedContext} from
 * the first filter on, so every thread the request runs on (the blocking executor included) puts
 * them into its MDC — up to the last line written about the request, after the span has ended.
 */
final class RequestLogContext implements ThreadPropagatedContextElement<Map<String, String>> {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private record Trace(String traceId, String spanId) {
    }

    private final String correlationId;
    // Set once, by the tracing filter, and read on whichever thread continues the request.
    private volatile Trace trace;

    RequestLogContext(String correlationId) {
        this.correlationId = correlationId;
    }

    /** The context of the request being handled on this thread, if the correlation filter has run. */
    static Optional<RequestLogContext> current() {
        return PropagatedContext.find().flatMap(context -> context.find(RequestLogContext.class));
    }

    void trace(String traceId, String spanId) {
        this.trace = new Trace(traceId, spanId);
    }

    @Override
    public Map<String, String> updateThreadContext() {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        Trace known = trace;
        if (known != null) {
            MDC.put(TRACE_ID, known.traceId());
            MDC.put(SPAN_ID, known.spanId());
        }
        return previous;
    }

    @Override
    public void restoreThreadContext(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}
