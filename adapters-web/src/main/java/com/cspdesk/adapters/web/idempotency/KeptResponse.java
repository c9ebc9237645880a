package com.cspdesk.adapters.web.idempotency;

import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import io.micronaut.core.annotation.Nullable;

/**
 * A first HTTP response as the core keeps it: this adapter's own encoding, opaque to everyone else.
 * One field a line — status, content type, Location (an empty line when there is none) — and then,
 * when the response had a body, a line break and the body as it was (it may span lines):
 * <pre>201\napplication/json\n/v1/customers/…/orders/…\n{"id":…}</pre>
 * Persistence's migration V8 builds exactly this from the columns it replaces, so a retry of a
 * request answered before the upgrade still gets its answer: change both or neither.
 */
record KeptResponse(int status, @Nullable String contentType, @Nullable String location, @Nullable String body) {

    private static final String LINE = "\n";

    KeptAnswer encode() {
        String head = status + LINE + orEmpty(contentType) + LINE + orEmpty(location);
        return new KeptAnswer(body == null ? head : head + LINE + body);
    }

    static KeptResponse decode(KeptAnswer answer) {
        String[] parts = answer.value().split(LINE, 4);
        if (parts.length < 3) {
            throw new IllegalStateException("a kept answer has status, content type and Location: " + parts.length + " parts");
        }
        return new KeptResponse(Integer.parseInt(parts[0]), orNull(parts[1]), orNull(parts[2]), parts.length == 4 ? parts[3] : null);
    }

    private static String orEmpty(@Nullable String header) {
        if (header != null && header.contains(LINE)) {
            throw new IllegalArgumentException("a header value has no line break");
        }
        return header == null ? "" : header;
    }

    private static @Nullable String orNull(String header) {
        return header.isEmpty() ? null : header;
    }
}
