package com.cspdesk.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.application.webhooks.port.out.WebhookTransport.Answered;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failed;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Outcome;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts against a real receiver on 127.0.0.1. A policy that allows that host stands for an operator's
 * local receiver; the strict policy (production's default) shows what is refused before anything is sent.
 */
class HttpClientWebhookTransportTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final String BODY = "{\"type\":\"order.created\",\"data\":{\"id\":\"o-1\"}}";
    private static final Map<String, String> SIGNED = Map.of(
            "webhook-id", "msg_1", "webhook-timestamp", "1764770000", "webhook-signature", "v1,c2lnbmF0dXJl");

    private final Receiver receiver = new Receiver();
    private HttpClientWebhookTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
        receiver.close();
    }

    private HttpClientWebhookTransport allowing(String host) {
        return allowing(host, InetAddress::getAllByName);
    }

    private HttpClientWebhookTransport allowing(String host, DestinationAddressResolver.Lookup lookup) {
        transport = new HttpClientWebhookTransport(new WebhookDestinationPolicy(List.of(host)),
                ONE_SECOND, ONE_SECOND, Duration.ofSeconds(2), lookup);
        return transport;
    }

    private HttpClientWebhookTransport strict(DestinationAddressResolver.Lookup lookup) {
        transport = new HttpClientWebhookTransport(WebhookDestinationPolicy.strict(),
                ONE_SECOND, ONE_SECOND, Duration.ofSeconds(2), lookup);
        return transport;
    }

    private static Outcome post(HttpClientWebhookTransport transport, String url) {
        return transport.post(URI.create(url), SIGNED, BODY);
    }

    @Test
    void a_2xx_answer_is_a_delivery_and_the_receiver_got_the_body_and_the_headers() {
        receiver.on("/hook", Receiver.status(200));

        Outcome outcome = post(allowing("127.0.0.1"), receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.delivered()).isTrue();
            assertThat(answered.latency()).isPositive();
        });
        assertThat(receiver.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo(BODY);
            assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(request.headers().getFirst("User-Agent")).isEqualTo("CSP-Software-Desk-Webhooks/1");
            assertThat(request.headers().getFirst("webhook-id")).isEqualTo("msg_1");
            assertThat(request.headers().getFirst("webhook-timestamp")).isEqualTo("1764770000");
            assertThat(request.headers().getFirst("webhook-signature")).isEqualTo("v1,c2lnbmF0dXJl");
        });
    }

    @Test
    void attempts_follow_one_another_on_the_same_client() {
        receiver.on("/hook", Receiver.status(204));
        HttpClientWebhookTransport transport = allowing("127.0.0.1");

        assertThat(post(transport, receiver.url("/hook"))).isInstanceOf(Answered.class);
        assertThat(post(transport, receiver.url("/hook"))).isInstanceOf(Answered.class);
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void an_error_status_is_an_answer_that_is_not_a_delivery() {
        receiver.on("/hook", Receiver.status(500));

        Outcome outcome = post(allowing("127.0.0.1"), receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(500);
            assertThat(answered.delivered()).isFalse();
        });
    }

    @Test
    void a_redirect_is_an_answer_and_is_not_followed() {
        receiver.on("/elsewhere", Receiver.status(200)).on("/hook", exchange -> {
            exchange.getResponseHeaders().set("Location", receiver.url("/elsewhere"));
            exchange.sendResponseHeaders(302, -1);
        });

        Outcome outcome = post(allowing("127.0.0.1"), receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(302);
            assertThat(answered.delivered()).isFalse();
        });
        assertThat(receiver.requests()).extracting(Receiver.Request::path).containsExactly("/hook");
    }

    @Test
    void a_receiver_slower_than_the_response_timeout_has_timed_out() {
        receiver.on("/hook", exchange -> {
            Thread.sleep(10_000);
            exchange.sendResponseHeaders(200, -1);
        });

        Outcome outcome = post(allowing("127.0.0.1"), receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.TIMED_OUT));
    }

    @Test
    void an_answer_that_trickles_past_the_whole_attempt_bound_has_timed_out() {
        // Each byte comes well within the response timeout, so only the attempt's own bound ends it.
        receiver.on("/hook", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) {
                body.write(' ');
                body.flush();
                Thread.sleep(300);
            }
        });

        Outcome outcome = post(allowing("127.0.0.1"), receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.TIMED_OUT));
    }

    @Test
    void a_closed_port_is_a_failed_connection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Outcome outcome = post(allowing("127.0.0.1"), "http://127.0.0.1:" + port + "/hook");

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Failure.CONNECTION_FAILED);
            assertThat(failed.detail()).startsWith("HttpHostConnectException");
        });
    }

    @Test
    void a_huge_answer_is_read_up_to_the_bound_then_the_connection_is_dropped() throws Exception {
        CompletableFuture<Boolean> receiverCutOff = new CompletableFuture<>();
        receiver.on("/hook", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try {
                OutputStream body = exchange.getResponseBody();
                // 256 MiB: far more than any socket buffer, so only a client that stops reading cuts it short.
                for (int i = 0; i < 4096; i++) {
                    body.write(chunk);
                }
                body.close();
                receiverCutOff.complete(false);
            } catch (IOException e) {
                receiverCutOff.complete(true);
            }
        });
        HttpClientWebhookTransport transport = allowing("127.0.0.1");

        Outcome outcome = post(transport, receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.status()).isEqualTo(200));
        assertThat(receiverCutOff.get(60, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
        // The dropped connection is not handed to the next attempt.
        receiver.on("/next", Receiver.status(200));
        assertThat(post(transport, receiver.url("/next"))).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.status()).isEqualTo(200));
    }

    @Test
    void a_small_answer_body_is_read_to_its_end_and_the_status_counts() {
        receiver.on("/hook", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
        });

        assertThat(post(allowing("127.0.0.1"), receiver.url("/hook"))).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.status()).isEqualTo(201));
    }

    @Test
    void an_answer_head_over_the_bound_is_an_invalid_response() {
        receiver.on("/hook", exchange -> {
            exchange.getResponseHeaders().set("X-Padding", "a".repeat(20_000));
            exchange.sendResponseHeaders(200, -1);
        });

        Outcome outcome = post(allowing("127.0.0.1"), receiver.url("/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.INVALID_RESPONSE));
    }

    @Test
    void an_answer_that_is_not_http_is_an_invalid_response() throws Exception {
        try (ServerSocket notHttp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = answerOnce(notHttp, "SSH-2.0-OpenSSH_9.6\r\n\r\n");

            Outcome outcome = post(allowing("127.0.0.1"), "http://127.0.0.1:" + notHttp.getLocalPort() + "/hook");

            assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                    failed -> assertThat(failed.failure()).isEqualTo(Failure.INVALID_RESPONSE));
            served.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tls_with_a_receiver_that_answers_in_plain_http_fails_as_tls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = answerOnce(plain, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");

            Outcome outcome = post(allowing("127.0.0.1"), "https://127.0.0.1:" + plain.getLocalPort() + "/hook");

            assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                    failed -> assertThat(failed.failure()).isEqualTo(Failure.TLS_FAILED));
            served.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A raw receiver: once the client has sent something, writes {@code answer}, then reads until the
     * client hangs up (closing with unread bytes would reset the connection, a different failure).
     */
    private static CompletableFuture<Void> answerOnce(ServerSocket server, String answer) {
        return CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                byte[] buffer = new byte[4096];
                socket.getInputStream().read(buffer);
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                while (socket.getInputStream().read(buffer) >= 0) {
                    // what the client still sends is not read by anyone
                }
            } catch (IOException e) {
                // the client hung up first: nothing more to do
            }
        });
    }

    @Test
    void a_name_allowed_by_configuration_is_reached_at_the_address_it_resolves_to() {
        receiver.on("/hook", Receiver.status(200));
        HttpClientWebhookTransport transport = allowing("receiver.example",
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});

        Outcome outcome = post(transport, "http://receiver.example:" + receiver.port() + "/hook");

        assertThat(outcome).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.status()).isEqualTo(200));
        assertThat(receiver.requests()).singleElement().satisfies(request ->
                assertThat(request.headers().getFirst("Host")).isEqualTo("receiver.example:" + receiver.port()));
    }

    @Test
    void strictly_a_loopback_literal_is_refused_and_the_receiver_sees_nothing() {
        receiver.on("/hook", Receiver.status(200));

        Outcome outcome = post(strict(InetAddress::getAllByName), "https://127.0.0.1:" + receiver.port() + "/hook");
        Outcome overHttp = post(transport, receiver.url("/hook"));

        assertThat(List.of(outcome, overHttp)).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.ADDRESS_NOT_ALLOWED)));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void strictly_localhost_is_refused() {
        Outcome outcome = post(strict(InetAddress::getAllByName), "https://localhost/hook");

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Failure.ADDRESS_NOT_ALLOWED);
            assertThat(failed.detail()).contains("ADDRESS_NOT_ALLOWED");
        });
    }

    @Test
    void strictly_plain_http_is_refused_before_any_lookup() {
        Outcome outcome = post(strict(host -> {
            throw new AssertionError("no lookup for a refused URL");
        }), "http://receiver.example/hook");

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Failure.ADDRESS_NOT_ALLOWED);
            assertThat(failed.detail()).contains("HTTPS_REQUIRED");
        });
    }

    @Test
    void a_name_that_resolves_to_loopback_is_refused_as_it_connects_and_the_receiver_sees_nothing() {
        receiver.on("/hook", Receiver.status(200));
        HttpClientWebhookTransport transport = strict(
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});

        Outcome outcome = post(transport, "https://receiver.example:" + receiver.port() + "/hook");

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.ADDRESS_NOT_ALLOWED));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void a_name_that_does_not_resolve_is_unresolvable() {
        Outcome outcome = post(strict(InetAddress::getAllByName), "https://does-not-exist.invalid/hook");

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.UNRESOLVABLE));
    }

    @Test
    void a_name_the_lookup_does_not_know_is_unresolvable() {
        Outcome outcome = post(strict(host -> {
            throw new UnknownHostException(host);
        }), "https://receiver.example/hook");

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(Failure.UNRESOLVABLE));
    }

    @Test
    void a_missing_url_is_a_failed_attempt_not_an_exception() {
        Outcome outcome = strict(InetAddress::getAllByName).post(null, null, null);

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(Failure.ADDRESS_NOT_ALLOWED);
            assertThat(failed.detail()).contains("MISSING");
        });
    }
}
