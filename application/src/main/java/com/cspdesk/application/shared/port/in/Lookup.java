package com.cspdesk.application.shared.port.in;

import com.cspdesk.domain.access.Permission;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer of every read use case: what was asked for, or that it is not there (for this actor:
 * another tenant's data is "not found"), or that {@link Permission}'s table does not let the actor
 * read it at all. A refusal is a result, not an exception, like every other business refusal.
 */
public sealed interface Lookup<T> {

    record Found<T>(T value) implements Lookup<T> {
        public Found {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code code}: what is missing, as a stable code ({@code customer_not_found}, {@code order_not_found} …). */
    record NotFound<T>(String code) implements Lookup<T> {
        public NotFound {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The table does not grant {@code permission} to any of the actor's roles; nothing was read. */
    record NotPermitted<T>(Permission permission) implements Lookup<T> {
        public NotPermitted {
            Objects.requireNonNull(permission, "permission");
        }
    }

    static <T> Lookup<T> found(T value) {
        return new Found<>(value);
    }

    static <T> Lookup<T> notFound(String code) {
        return new NotFound<>(code);
    }

    static <T> Lookup<T> notPermitted(Permission permission) {
        return new NotPermitted<>(permission);
    }

    /** Found when present, else not found with {@code code}. */
    static <T> Lookup<T> of(Optional<T> value, String code) {
        return value.<Lookup<T>>map(Found::new).orElseGet(() -> new NotFound<>(code));
    }

    default <R> Lookup<R> map(Function<? super T, ? extends R> mapper) {
        return flatMap(value -> new Found<>(mapper.apply(value)));
    }

    /** The next lookup when this one found something; a refusal or a miss passes through unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Lookup<R> flatMap(Function<? super T, Lookup<R>> next) {
        if (this instanceof Found<T> found) {
            return next.apply(found.value());
        }
        return (Lookup<R>) this;
    }

    /** The value, when found. */
    default Optional<T> ifFound() {
        return this instanceof Found<T> found ? Optional.of(found.value()) : Optional.empty();
    }
}
