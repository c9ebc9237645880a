package com.cspdesk.adapters.web.idempotency;

import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reusable idempotency plumbing for every state-changing POST and PATCH: with an
 * {@code MS-RequestId} (or {@code Idempotency-Key}) header, the first successful response is kept
 * and a retry gets it again; the same key with another body is refused with 409. A refused or failed
 * request keeps nothing, so its retry (Partner Center's SDK re-sends with the same request id) runs. Without the header the
 * request simply runs. The dashboard's forms, which cannot send a header, use {@link #runForm} with
 * the same keeping, fingerprint and replay.
 */
@Singleton
public class IdempotentResponses {

    public static final String REQUEST_ID = "MS-RequestId";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final ExecuteIdempotently executeIdempotently;
    private final JsonMapper json;
    private final Problems problems;

    IdempotentResponses(ExecuteIdempotently executeIdempotently, JsonMapper json, Problems problems) {
        this.executeIdempotently = executeIdempotently;
        this.json = json;
        this.problems = problems;
    }

    public HttpResponse<?> run(HttpRequest<?> request, Authentication caller, Object body,
                               Supplier<MutableHttpResponse<?>> action) {
        String key = request.getHeaders().get(REQUEST_ID);
        if (key == null) {
            key = request.getHeaders().get(IDEMPOTENCY_KEY);
        }
        if (key == null) {
            return action.get();
        }
        if (!IdempotentRequest.isValidKey(key)) {
            return problems.respond(request, HttpStatus.BAD_REQUEST, "idempotency_key_invalid", IdempotentRequest.MAX_KEY_LENGTH);
        }
        String reused = key;
        return execute(request, caller, key, body, action,
                () -> problems.respond(request, HttpStatus.CONFLICT, "idempotency_key_reused", reused));
    }

    /**
     * A dashboard form's post, idempotent on the request id the page that shows the form wrote into
     * it: a double click or a reload of the posted form runs the action once and gets its first
     * answer again. A form without a usable id simply runs; {@code keyReused} answers an id that
     * comes back with another form.
     */
    public MutableHttpResponse<?> runForm(HttpRequest<?> request, Authentication caller, @Nullable String key, Object body,
                                          Supplier<MutableHttpResponse<?>> action,
                                          Supplier<MutableHttpResponse<?>> keyReused) {
        if (!IdempotentRequest.isValidKey(key)) {
            return action.get();
        }
        return execute(request, caller, key, body, action, keyReused);
    }

    private MutableHttpResponse<?> execute(HttpRequest<?> request, Authentication caller, String key, Object body,
                                           Supplier<MutableHttpResponse<?>> action,
                                           Supplier<MutableHttpResponse<?>> keyReused) {
        IdempotentRequest idempotent = new IdempotentRequest(caller.getName(), key, fingerprint(request, body));
        MutableHttpResponse<?>[] fresh = new MutableHttpResponse<?>[1];
        ExecuteIdempotently.Outcome outcome = executeIdempotently.execute(idempotent, () -> {
            fresh[0] = action.get();
            return succeeded(fresh[0]) ? Optional.of(kept(fresh[0]).encode()) : Optional.empty();
        });
        if (outcome instanceof ExecuteIdempotently.Executed || outcome instanceof ExecuteIdempotently.Failed) {
            return fresh[0];
        }
        if (outcome instanceof ExecuteIdempotently.Replayed replayed) {
            return replay(KeptResponse.decode(replayed.answer()));
        }
        return keyReused.get();
    }

    /** A refusal (4xx) or an error (5xx) changed nothing: it is answered, not kept. */
    private static boolean succeeded(MutableHttpResponse<?> response) {
        return response.code() < 400;
    }

    private String fingerprint(HttpRequest<?> request, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethodName() + " " + request.getPath() + "\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha256.update(json.writeValueAsBytes(body));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeptResponse kept(MutableHttpResponse<?> response) {
        try {
            Object content = response.getBody().orElse(null);
            // A page or a text is kept as written; anything else is what the JSON writer made of it.
            String body = content == null ? null
                    : content instanceof CharSequence text ? text.toString()
                    : new String(json.writeValueAsBytes(content), StandardCharsets.UTF_8);
            String contentType = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
            return new KeptResponse(response.code(), contentType, response.getHeaders().get(HttpHeaders.LOCATION), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MutableHttpResponse<?> replay(KeptResponse recorded) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(recorded.status()));
        response.header(REPLAYED, "true");
        if (recorded.location() != null) {
            response.header(HttpHeaders.LOCATION, recorded.location());
        }
        if (recorded.body() != null) {
            // Bytes, not a String: a String would be written as a JSON string literal.
            response.contentType(MediaType.of(recorded.contentType() == null ? MediaType.APPLICATION_JSON : recorded.contentType()))
                    .body(recorded.body().getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }
}
