package com.cspdesk.adapters.web.applications;

import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.ApplicationClaims;
import com.cspdesk.adapters.web.security.ForUsersOnly;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

/**
 * An application's token is not a user: after security let such a request through, this refuses it
 * (403 problem+json {@code application_not_a_user}) on routes about a user's own account
 * ({@link ForUsersOnly}: the second factor, signing out everywhere) and on the whole dashboard, which is
 * for people. The rest of the API answers it by its roles, as it answers a user.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ApplicationTokenFilter implements Ordered {

    private final Problems problems;

    ApplicationTokenFilter(Problems problems) {
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseUserRoutes(HttpRequest<?> request) {
        boolean application = request.getUserPrincipal(Authentication.class)
                .flatMap(ApplicationClaims::applicationOf).isPresent();
        if (!application) {
            return null;
        }
        String path = request.getPath();
        boolean dashboard = path.equals(UiUrls.HOME) || path.startsWith(UiUrls.HOME + "/");
        if (dashboard || forUsersOnly(request)) {
            return problems.respond(request, HttpStatus.FORBIDDEN, "application_not_a_user");
        }
        return null;
    }

    private static boolean forUsersOnly(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(MethodBasedRouteMatch.class::cast)
                .map(match -> match.hasAnnotation(ForUsersOnly.class))
                .orElse(false);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
