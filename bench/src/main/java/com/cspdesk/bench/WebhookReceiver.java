package com.cspdesk.bench;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A partner's webhook receiver on 127.0.0.1, as one would be written: every request is verified with
 * the Standard Webhooks reference library (signature, and the timestamp within its five-minute
 * tolerance) before it is acknowledged. It answers 204 to what verifies, 400 to what does not, and
 * 503 to everything while it is "down". It keeps every request it was sent, never the signature.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: when (epoch ms and nanoTime), what it carried, whether it verified, the answer. */
    record Received(long epochMillis, long nanos, String webhookId, String body, boolean verified, int answered) {

        boolean delivered() {
            return verified && answered >= 200 && answered < 300;
        }

        String field(String name) {
            String key = "\"" + name + "\":\"";
            int start = body.indexOf(key);
            return start < 0 ? null : body.substring(start + key.length(), body.indexOf('"', start + key.length()));
        }

        /** The order's address without the product's root ("/v1/customers/{tenant}/orders/{id}"), or null. */
        String resourcePath() {
            String uri = field("ResourceUri");
            return uri == null || uri.indexOf("/v1/") < 0 ? uri : uri.substring(uri.indexOf("/v1/"));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile String secret;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        server.setExecutor(executor);
        server.createContext("/hooks", exchange -> {
            long nanos = System.nanoTime();
            long epochMillis = System.currentTimeMillis();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            boolean verified = verifies(id, headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), text);
            int answer = down.get() ? 503 : verified ? 204 : 400;
            received.add(new Received(epochMillis, nanos, id, text, verified, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The registration's signing secret: held here only, never written anywhere. */
    void trust(String signingSecret) {
        this.secret = signingSecret;
    }

    /** While down, every request is answered 503 (after it was verified and kept). */
    void down(boolean isDown) {
        down.set(isDown);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private boolean verifies(String id, String timestamp, String signature, String body) {
        String key = secret;
        if (key == null || id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            // A verifier per request, as the library does not say it may be shared across threads.
            new Webhook(key).verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
            return true;
        } catch (WebhookVerificationException | EmptyWebhookSecretException refused) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
