package com.cspdesk.bootstrap.e2e;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code OTEL_TRACES_EXPORTER=otlp} (here its property, otel.traces.exporter) the server spans
 * go to the configured OTLP endpoint — a local receiver standing in for a collector — and the span
 * of a request that came with a traceparent is in the caller's trace, a child of the caller's span.
 */
@MicronautTest(transactional = false)
class OtlpTraceExportTest extends EndToEnd {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_SPAN_ID = "b7ad6b7169203331";
    private static final String PROBE_TRACE_ID = "5b8efff798038103d269b633813fc60c";

    private final BlockingQueue<byte[]> exported = new LinkedBlockingQueue<>();
    private HttpServer collector;

    @Override
    Map<String, String> settings() {
        Map<String, String> properties = super.settings();
        properties.put("otel.traces.exporter", "otlp");
        properties.put("otel.exporter.otlp.protocol", "http/protobuf");
        properties.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector().getAddress().getPort());
        // The batch processor's default wait is 5 s; the test need not sit through it.
        properties.put("otel.bsp.schedule.delay", "100");
        return properties;
    }

    private HttpServer collector() {
        if (collector == null) {
            try {
                collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            collector.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    exported.add(exchange.getRequestBody().readAllBytes());
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            collector.start();
        }
        return collector;
    }

    @AfterAll
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void theRequestsSpanReachesTheCollectorInTheCallersTrace() throws InterruptedException {
        // Health probes make no span (otel.exclusions); the sign-in, refused, does.
        assertThat(send("GET", "/health", null, null, "traceparent", "00-" + PROBE_TRACE_ID + "-" + PARENT_SPAN_ID + "-01").status())
                .isEqualTo(200);
        assertThat(send("POST", "/login", null, Map.of("username", "nobody.exported", "password", "Wrong-Exported-Passw0rd"),
                "traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01").status()).isEqualTo(401);

        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        byte[] parentSpanId = HexFormat.of().parseHex(PARENT_SPAN_ID);
        byte[] probeTraceId = HexFormat.of().parseHex(PROBE_TRACE_ID);
        // A safety net for the exporter's thread, never a measurement.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        byte[] batch = null;
        while (batch == null && System.nanoTime() < deadline) {
            byte[] next = exported.poll(1, TimeUnit.SECONDS);
            if (next != null) {
                // Spans are exported in the order they ended: the probe's would be here or earlier.
                assertThat(contains(next, probeTraceId)).as("a span of the health probe").isFalse();
                if (contains(next, traceId)) {
                    batch = next;
                }
            }
        }
        assertThat(batch).as("an OTLP export holding the caller's trace id").isNotNull();
        // OTLP's protobuf: the span's trace_id and parent_span_id fields hold the raw bytes.
        assertThat(contains(batch, parentSpanId)).isTrue();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return true;
            }
        }
        return false;
    }
}
