package com.cspdesk.adapters.web.correlation;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * api.md "Correlation": {@code MS-CorrelationId} ties a caller's calls together. Echoed back,
 * generated when absent or unusable, and put into every log line of the request.
 */
public final class CorrelationId {

    public static final String HEADER = "MS-CorrelationId";
    static final String ATTRIBUTE = "cspdesk.correlationId";
    static final String MDC_KEY = "correlationId";

    // Anything else is replaced rather than echoed: it would reach logs and headers verbatim.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> fromHeader(request));
    }

    static String fromHeader(HttpRequest<?> request) {
        String sent = request.getHeaders().get(HEADER);
        return sent != null && SAFE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }
}
