package com.cspdesk.adapters.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error as RFC 9457 problem details, with a stable machine {@code code} (api.md "Errors").
 * Never carries a stack trace, SQL or a secret.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code,
                     @Nullable String instance, @Nullable String correlationId,
                     @Nullable List<FieldError> errors, @Nullable String supportRequestUri) {

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
