package com.cspdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small HTTP/1.1 client on loopback (java.net.http), with JSON helpers. Every request has a timeout. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    Http(String base, Duration timeout) {
        if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("the bench only talks to loopback: " + base);
        }
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    String base() {
        return base;
    }

    /** One answer: status, headers, body bytes. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + text(), e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst();
        }

        boolean isProblem() {
            return header("Content-Type").map(t -> t.startsWith("application/problem+json")).orElse(false);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).timeout(timeout);
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        auth(b, token, headers);
        return send(b.build());
    }

    Reply json(String method, String path, String token, Object body, String... headers) {
        byte[] bytes;
        try {
            bytes = body instanceof byte[] raw ? raw
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/json");
        auth(b, token, headers);
        return send(b.build());
    }

    private static void auth(HttpRequest.Builder b, String token, String... headers) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
    }

    /** Signs in; {@code headers} (name, value, …) go with the request, e.g. the client address through a trusted proxy. */
    String login(String username, String password, String... headers) {
        Reply reply = json("POST", "/login", null, Map.of("username", username, "password", password), headers);
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply.status() + " " + reply.text());
        }
        return reply.json().get("access_token").asText();
    }

    /** Creates a user (as a global admin); an existing one is fine. */
    void createUser(String adminToken, String username, String password, String role, String tenant) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("roles", List.of(role));
        if (tenant != null) {
            body.put("customerTenantId", tenant);
        }
        Reply reply = json("POST", "/v1/users", adminToken, body);
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("cannot create " + username + ": " + reply.status() + " " + reply.text());
        }
    }
}
