package com.cspdesk.adapters.web.problem;

import com.cspdesk.adapters.web.correlation.CorrelationId;
import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** Builds problem+json answers in the caller's language from a stable code. */
@Singleton
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_PREFIX = "urn:cspdesk:problem:";

    private final Messages messages;

    public Problems(Messages messages) {
        this.messages = messages;
    }

    public MutableHttpResponse<Problem> respond(HttpRequest<?> request, HttpStatus status, String code, Object... arguments) {
        return respond(request, problem(request, status, code, List.of(), arguments));
    }

    public MutableHttpResponse<Problem> respond(HttpRequest<?> request, Problem problem) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem)
                .contentType(PROBLEM_JSON);
        response.getHeaders().add(HttpHeaders.CONTENT_LANGUAGE, SupportedLanguages.of(request).getLanguage());
        return response;
    }

    public Problem problem(HttpRequest<?> request, HttpStatus status, String code, List<Problem.FieldError> errors,
                           Object... arguments) {
        Locale locale = SupportedLanguages.of(request);
        return new Problem(TYPE_PREFIX + code,
                messages.get("problem." + code + ".title", locale),
                status.getCode(),
                messages.get("problem." + code + ".detail", locale, arguments),
                code,
                safePath(request),
                CorrelationId.of(request),
                errors.isEmpty() ? null : List.copyOf(errors),
                null, null);
    }

    /**
     * The request path for problems and log lines, with download tokens masked: a token is a
     * credential, so it is never echoed or logged.
     */
    public static String safePath(HttpRequest<?> request) {
        String path = request.getPath();
        return path.startsWith("/downloads/") ? "/downloads/{token}" : path;
    }

    /**
     * 400 for one field: the problem {@code code} with the field's message of the same code
     * ({@code field.<code>}, with {@code arguments}), in the caller's language.
     */
    public MutableHttpResponse<Problem> badField(HttpRequest<?> request, String code, String field, Object... arguments) {
        return respond(request, problem(request, HttpStatus.BAD_REQUEST, code, List.of(fieldError(request, field, code, arguments))));
    }

    /** A field's message, e.g. {@code field.password_too_short}, in the caller's language. */
    public Problem.FieldError fieldError(HttpRequest<?> request, String field, String code, Object... arguments) {
        return new Problem.FieldError(field, messages.get("field." + code, SupportedLanguages.of(request), arguments));
    }
}
