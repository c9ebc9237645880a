package com.cspdesk.bootstrap.e2e;

import com.cspdesk.domain.webhooks.WebhookEvent;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A partner's receiver as it would be written: a real HTTP server on 127.0.0.1 that verifies each
 * delivery with the Standard Webhooks reference library (the signature, and the timestamp within its
 * five-minute tolerance), answers with the status the test sets (204, or 503 while "down"), and keeps
 * what it was sent, verified or not.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and whether it verified under the secret at that moment. */
    record Received(String id, String timestamp, String signature, String body, boolean verified, int answered) {

        String eventName() {
            return field("EventName");
        }

        String resourceUri() {
            return field("ResourceUri");
        }

        private String field(String name) {
            String key = "\"" + name + "\":\"";
            int start = body.indexOf(key);
            return start < 0 ? null : body.substring(start + key.length(), body.indexOf('"', start + key.length()));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private volatile String secret;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            int answer = status.get();
            synchronized (received) {
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), text, verifies(headers.getFirst("webhook-id"),
                        headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), text), answer));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver registered (as {@code token}'s user) for {@code events}, trusting the secret the registration answered. */
    static WebhookReceiver registered(EndToEnd product, String token, String... events) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        EndToEnd.Answer registered = product.send("POST", "/webhooks/v1/registration", token,
                Map.of("WebhookUrl", receiver.url(), "WebhookEvents", List.of(events)));
        if (registered.status() != 201) {
            receiver.close();
            throw new AssertionError("the receiver was not registered: " + registered);
        }
        receiver.trust((String) registered.json().get("SigningSecret"));
        return receiver;
    }

    /**
     * A receiver registered for every event there is: the outbox keeps an event only when the registration of
     * the moment receives it, so a test that reads the outbox registers one first.
     */
    static WebhookReceiver receivingEverything(EndToEnd product, String token) throws IOException {
        return registered(product, token, Arrays.stream(WebhookEvent.values()).filter(e -> e != WebhookEvent.TEST_CREATED)
                .map(WebhookEvent::wireName).toArray(String[]::new));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void trust(String signingSecret) {
        this.secret = signingSecret;
    }

    String secret() {
        return secret;
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** What was received that verified and was answered 2xx: the deliveries. */
    List<Received> delivered() {
        return received().stream().filter(r -> r.verified() && r.answered() < 300).toList();
    }

    /** Waits (up to {@code timeout}) until what was received matches, and answers it. */
    List<Received> await(Duration timeout, Predicate<List<Received>> until) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Received> now = received();
            if (until.test(now)) {
                return now;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        throw new AssertionError("the receiver did not get what was awaited within " + timeout + "; it got " + received());
    }

    /** The reference library's check, as a receiver runs it (the timestamp against real time). */
    boolean verifies(String id, String timestamp, String signature, String body) {
        if (secret == null || id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            new Webhook(secret).verify(body, Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature)));
            return true;
        } catch (WebhookVerificationException | EmptyWebhookSecretException refused) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
