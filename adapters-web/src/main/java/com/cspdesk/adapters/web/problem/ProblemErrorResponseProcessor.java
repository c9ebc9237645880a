package com.cspdesk.adapters.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.security.authentication.AuthenticationException;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Every error the framework answers (unknown route, wrong method, bad JSON, failed validation,
 * 401, 403, 500 …) leaves as problem+json with a stable code, in the caller's language.
 * Exception messages are never copied into the answer: they can hold internals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "bad_request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload_too_large"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(503, "service_unavailable"));

    /** Seconds a client should wait when a bounded pool was full: about one hash queue's worth. */
    static final String BUSY_RETRY_AFTER_SECONDS = "2";

    private final Problems problems;

    ProblemErrorResponseProcessor(Problems problems) {
        this.problems = problems;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus status = response.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem;
        if (cause instanceof ConstraintViolationException violations) {
            problem = problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed", fieldErrors(request, violations));
        } else if (status == HttpStatus.BAD_REQUEST && cause instanceof ConversionErrorException conversion) {
            String field = conversion.getArgument().getName();
            problem = problems.problem(request, status, "malformed_request",
                    List.of(problems.fieldError(request, field, "malformed")));
        } else if (status == HttpStatus.UNAUTHORIZED && cause instanceof AuthenticationException) {
            problem = problems.problem(request, status, "invalid_credentials", List.of());
        } else if (status.getCode() >= 500 && DatabaseOutage.in(cause)) {
            // The database is down or the pool timed out: retryable, so 503 and no stack trace per request.
            // Refused at once because it is known unreachable: the persistence adapter logged that once already.
            if (DatabaseOutage.writeConflict(cause)) {
                LOG.warn("Write conflict outlasted its tries on {} {} (the database is reachable): {}", request.getMethodName(),
                        Problems.safePath(request), cause.toString());
            } else if (!DatabaseOutage.known(cause)) {
                LOG.warn("Database unavailable on {} {}: {}", request.getMethodName(), Problems.safePath(request), cause.toString());
            }
            problem = problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", List.of());
            response.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        } else if (status.getCode() >= 500 && busy(cause)) {
            // A bounded pool (password hashing) refused more work: retryable, logged without a trace per request.
            LOG.warn("Busy on {} {}: {}", request.getMethodName(), Problems.safePath(request), cause.getMessage());
            problem = problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", List.of());
            response.header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
        } else if (status.getCode() >= 500) {
            if (status.getCode() != 503) {
                LOG.error("Unhandled error on {} {}", request.getMethodName(), Problems.safePath(request), cause);
            }
            problem = problems.problem(request, status.getCode() == 503 ? status : HttpStatus.INTERNAL_SERVER_ERROR,
                    status.getCode() == 503 ? "service_unavailable" : "internal_error", List.of());
        } else {
            String code = CODES.getOrDefault(status.getCode(), "bad_request");
            if (status == HttpStatus.BAD_REQUEST && cause != null) {
                code = "malformed_request";
            }
            problem = problems.problem(request, status, code, List.of());
        }
        MutableHttpResponse<Problem> answer = response.body(problem).contentType(Problems.PROBLEM_JSON);
        if (problem.status() != status.getCode()) {
            answer.status(problem.status());
        }
        if (request.getHttpVersion() == HttpVersion.HTTP_1_0 || unreadable(cause)
                || (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && cause == null)) {
            // A request Netty could not read (request line or headers too long: a 413 without a cause,
            // or a decoder failure) is answered and its connection closed. Say so: Java's HttpClient, for
            // one, otherwise reuses the connection and its next request gets no answer (the fault suite
            // saw 12). Not for a body over the limit (ContentLengthExceededException): that connection
            // stays open, and closing it while the client still writes would cost the client the 413.
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer;
    }

    /** A bounded executor refused the work (the password-hashing queue is full or its wait too long). */
    private static boolean busy(Throwable cause) {
        return causedBy(cause, RejectedExecutionException.class);
    }

    /** Netty gave up reading the request (its line or headers too long); the connection cannot go on. */
    private static boolean unreadable(Throwable cause) {
        return causedBy(cause, io.netty.handler.codec.TooLongFrameException.class, io.netty.handler.codec.DecoderException.class);
    }

    private static boolean causedBy(Throwable cause, Class<?>... types) {
        return DatabaseOutage.inChain(cause, t -> Arrays.stream(types).anyMatch(type -> type.isInstance(t)));
    }

    private List<Problem.FieldError> fieldErrors(HttpRequest<?> request, ConstraintViolationException violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
            errors.add(problems.fieldError(request, fieldOf(violation.getPropertyPath()), "constraint." + constraint,
                    attributes.getOrDefault("min", attributes.getOrDefault("value", "")),
                    attributes.getOrDefault("max", "")));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    // "create.body.username" → "username"; "create.body.lineItems[0].quantity" → "lineItems[0].quantity"
    private static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            String name = node.getName();
            if (name == null) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            parts.add(name);
        }
        int start = parts.indexOf("body") >= 0 ? parts.indexOf("body") + 1 : Math.min(1, parts.size() - 1);
        return String.join(".", parts.subList(Math.max(0, start), parts.size()));
    }
}
