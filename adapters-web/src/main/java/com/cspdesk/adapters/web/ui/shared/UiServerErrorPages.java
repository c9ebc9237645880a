package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A server error under {@code /ui} (an unexpected failure, or the database being unreachable) is
 * answered by the framework as problem+json; a person reading the dashboard gets the same message
 * as a page in their language instead, keeping the status and {@code Retry-After}.
 */
@ServerFilter({"/ui", "/ui/**"})
class UiServerErrorPages {

    private final UiPages pages;

    UiServerErrorPages(UiPages pages) {
        this.pages = pages;
    }

    @ResponseFilter
    public MutableHttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof Problem problem) || problem.status() < 500) {
            return response;
        }
        MutableHttpResponse<String> page = pages.error(request, HttpStatus.valueOf(problem.status()),
                "problem." + problem.code() + ".detail");
        response.getHeaders().findFirst(HttpHeaders.RETRY_AFTER).ifPresent(seconds -> page.header(HttpHeaders.RETRY_AFTER, seconds));
        return page;
    }
}
