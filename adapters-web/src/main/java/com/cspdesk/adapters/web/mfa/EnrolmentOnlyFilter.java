package com.cspdesk.adapters.web.mfa;

import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.OpenDuringEnrolment;
import com.cspdesk.adapters.web.security.SignedInClaims;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.util.Arrays;

/**
 * A user whose roles must have a second factor and who has none signs in with a token that may only
 * enrol one ({@value SignedInClaims#ENROLMENT_ONLY_CLAIM}). After security let such a request through,
 * this refuses every signed-in route not marked {@link OpenDuringEnrolment}: on the API with 403
 * problem+json {@code mfa_enrolment_required}, on the dashboard by sending the browser to the
 * enrolment page. Routes open to anyone stay open (they give a signed-in caller nothing more).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class EnrolmentOnlyFilter implements Ordered {

    private final Problems problems;

    EnrolmentOnlyFilter(Problems problems) {
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseBeyondEnrolment(HttpRequest<?> request) {
        boolean enrolmentOnly = request.getUserPrincipal(Authentication.class)
                .map(caller -> Boolean.TRUE.equals(caller.getAttributes().get(SignedInClaims.ENROLMENT_ONLY_CLAIM)))
                .orElse(false);
        if (!enrolmentOnly || openDuringEnrolment(request)) {
            return null;
        }
        String path = request.getPath();
        if (path.equals(UiUrls.HOME) || path.startsWith(UiUrls.HOME + "/")) {
            return UiPages.redirect(request, UiUrls.SECURITY);
        }
        return problems.respond(request, HttpStatus.FORBIDDEN, "mfa_enrolment_required");
    }

    private static boolean openDuringEnrolment(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(MethodBasedRouteMatch.class::cast)
                .map(match -> match.hasAnnotation(OpenDuringEnrolment.class)
                        || Arrays.asList(match.stringValues(Secured.class)).contains(SecurityRule.IS_ANONYMOUS))
                // No route (404, the framework's own): nothing to open.
                .orElse(true);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
