package com.cspdesk.application.webhooks.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery attempt over the network (issue #15 items 4 and 5): a POST of the signed body to the
 * registration's URL. The adapter re-checks, as it connects, that every address it connects to is
 * one the domain's {@code WebhookDestinationPolicy} allows (a name that now resolves to a private
 * address is refused, not reached), follows no redirect, and bounds each attempt's time and the
 * answer it reads. It never throws for what the receiver or the network does: every attempt ends in
 * an {@link Outcome}.
 */
public interface WebhookTransport {

    /** POSTs {@code body} ({@code application/json}) with {@code headers} to {@code url}. */
    Outcome post(URI url, Map<String, String> headers, String body);

    /** What an attempt came to, and how long it took from the start of the connection to the end. */
    sealed interface Outcome {

        Duration latency();
    }

    /** The receiver answered: any status, a redirect included (a 2xx is a delivery, anything else is not). */
    record Answered(int status, Duration latency) implements Outcome {
        public Answered {
            Objects.requireNonNull(latency, "latency");
        }

        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer: why, and a short technical detail for the delivery log (never the body, never a secret). */
    record Failed(Failure failure, String detail, Duration latency) implements Outcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            detail = detail == null ? "" : detail.length() > 200 ? detail.substring(0, 200) : detail;
            Objects.requireNonNull(latency, "latency");
        }
    }

    enum Failure {
        /** The host resolved to an address the destination policy forbids (or a literal one is): not contacted. */
        ADDRESS_NOT_ALLOWED,
        /** The host resolved to no address. */
        UNRESOLVABLE,
        /** No connection (refused, unreachable, reset before an answer). */
        CONNECTION_FAILED,
        /** The TLS handshake failed (certificate, protocol). */
        TLS_FAILED,
        /** The connection or the answer took longer than the attempt's bound. */
        TIMED_OUT,
        /** The answer was not HTTP, or its head was larger than the bound. */
        INVALID_RESPONSE
    }
}
