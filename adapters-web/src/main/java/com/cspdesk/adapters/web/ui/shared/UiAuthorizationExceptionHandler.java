package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answer when security refuses a request. Under {@code /ui} a person is behind it: without a
 * session the browser is sent to the sign-in page (coming back to the page afterwards), and a role
 * that may not do something gets a 403 page in its language. Everywhere else nothing changes: the
 * JSON API still answers 401 or 403 problem+json, never a redirect.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class UiAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {

    private final UiPages pages;

    @Inject
    UiAuthorizationExceptionHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                    RedirectConfiguration redirectConfiguration,
                                    RedirectService redirectService,
                                    List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                    @Nullable PriorToLoginPersistence priorToLoginPersistence,
                                    UiPages pages) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!isDashboard(request)) {
            // Never a redirect, whatever the Accept header says: 401 or 403 problem+json.
            return httpResponseWithStatus(request, exception);
        }
        if (exception.isForbidden()) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return UiPages.redirect(request, UiUrls.SIGN_IN + next(request));
    }

    public static boolean isDashboard(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    /** Where to come back after signing in: the page asked for (a GET), else the start page. */
    private static String next(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET || UiPages.isHtmx(request)) {
            return "";
        }
        String query = request.getUri().getRawQuery();
        String target = request.getPath() + (query == null ? "" : "?" + query);
        return "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
