package com.cspdesk.adapters.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error as RFC 9457 problem details, with a stable machine {@code code} (api.md "Errors").
 * Never carries a stack trace, SQL or a secret. Beside the problem fields it carries Partner
 * Center's error fields, so its clients read a message (#14): {@code code} is shared,
 * {@code description} is the detail, {@code data} the field messages (only when there are some).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code,
                     @Nullable String instance, @Nullable String correlationId,
                     @Nullable List<FieldError> errors, @Nullable String supportRequestUri,
                     @Nullable String mfaToken, String description, @Nullable List<String> data) {

    /** The problem; {@code description} and {@code data} follow from {@code detail} and {@code errors}. */
    public Problem(String type, String title, int status, String detail, String code, @Nullable String instance,
                   @Nullable String correlationId, @Nullable List<FieldError> errors, @Nullable String supportRequestUri,
                   @Nullable String mfaToken) {
        this(type, title, status, detail, code, instance, correlationId, errors, supportRequestUri, mfaToken, detail,
                errors == null || errors.isEmpty() ? null
                        : errors.stream().map(error -> error.field() + ": " + error.message()).toList());
    }

    /** This problem, pointing to the support request that can take the matter further. */
    public Problem withSupportRequestUri(String uri) {
        return new Problem(type, title, status, detail, code, instance, correlationId, errors, uri, mfaToken);
    }

    /** This problem ({@code mfa_required}), with the token that {@code POST /login/mfa} takes with the code. */
    public Problem withMfaToken(String token) {
        return new Problem(type, title, status, detail, code, instance, correlationId, errors, supportRequestUri, token);
    }

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
