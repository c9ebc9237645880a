package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A dashboard form posted without its CSRF token (or with another session's): 403, nothing done. */
final class UiCsrfRefused extends RuntimeException {

    UiCsrfRefused() {
        super("missing or wrong CSRF token", null, false, false);
    }

    /** The refusal as a page in the reader's language (a dialog for htmx). */
    @Singleton
    @Requires(classes = {UiCsrfRefused.class, ExceptionHandler.class})
    public static class Page implements ExceptionHandler<UiCsrfRefused, HttpResponse<?>> {

        private final UiPages pages;

        Page(UiPages pages) {
            this.pages = pages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UiCsrfRefused exception) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.csrf");
        }
    }
}
