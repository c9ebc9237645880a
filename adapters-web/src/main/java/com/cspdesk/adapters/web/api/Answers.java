package com.cspdesk.adapters.web.api;

import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.function.Function;

/**
 * A read use case's {@link Lookup} as an API answer: what was found, 404 problem+json with the
 * lookup's own code ({@code customer_not_found}, {@code order_not_found} …), or the table's 403.
 */
@Singleton
public class Answers {

    private final Problems problems;

    public Answers(Problems problems) {
        this.problems = problems;
    }

    /** {@code notFoundArguments} fill the not-found message (e.g. the order id). */
    public <T> HttpResponse<?> of(HttpRequest<?> request, Authentication caller, Lookup<T> lookup,
                                  Function<? super T, ? extends HttpResponse<?>> found, Object... notFoundArguments) {
        if (lookup instanceof Lookup.Found<T> value) {
            return found.apply(value.value());
        }
        if (lookup instanceof Lookup.NotFound<T> missing) {
            return problems.respond(request, HttpStatus.NOT_FOUND, missing.code(), notFoundArguments);
        }
        return Refusals.notPermitted(caller);
    }
}
