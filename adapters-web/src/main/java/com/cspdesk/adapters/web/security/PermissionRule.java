package com.cspdesk.adapters.web.security;

import com.cspdesk.domain.access.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * Decides routes marked {@link RequiresPermission} from the core's {@link Permission} table; says
 * nothing about other routes (so {@code @Secured} and default-deny still apply to them). Runs before
 * {@code @Secured}.
 */
@Singleton
class PermissionRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<Permission> permission = permissionOf(request);
        if (permission.isEmpty()) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        if (authentication == null) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        return Publishers.just(Actors.grants(authentication, permission.get())
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    /** The permission the matched route requires, from the method or its controller. */
    static Optional<Permission> permissionOf(@Nullable HttpRequest<?> request) {
        if (request == null) {
            return Optional.empty();
        }
        return RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(MethodBasedRouteMatch.class::cast)
                .flatMap(match -> match.enumValue(RequiresPermission.class, Permission.class));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
