package com.cspdesk.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A webhook receiver for the benchmark on 127.0.0.1: answers 204 at once and notes, per delivery, when
 * it arrived and the change's instant it carries ({@code ResourceChangeUtcDate}), so delivery latency
 * is arrival minus commit on one machine's clock. Distinct {@code webhook-id}s are counted once.
 */
final class WebhookSink implements AutoCloseable {

    record Arrival(String id, Instant changedAt, Instant arrivedAt) {
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private int duplicates;

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hooks", exchange -> {
            Instant arrived = Instant.now();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            Instant changed = Instant.parse(Http.JSON.readTree(body).get("ResourceChangeUtcDate").asText());
            synchronized (arrivals) {
                if (ids.add(id)) {
                    arrivals.add(new Arrival(id, changed, arrived));
                } else {
                    duplicates++;
                }
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    int duplicates() {
        synchronized (arrivals) {
            return duplicates;
        }
    }

    /** Waits until {@code count} distinct deliveries arrived or {@code timeout} passed: how long it took. */
    Duration awaitCount(long count, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (arrivals().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
