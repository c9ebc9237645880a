package com.cspdesk.adapters.web.health;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.domain.access.Permission;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.security.Principal;

/**
 * Micronaut's {@code /health} (and {@code /liveness}, {@code /readiness}), open to anyone for the
 * status, with the details — the JDBC URL, paths, disk space — only for callers the core's table
 * grants {@link Permission#READ_HEALTH_DETAILS}. Micronaut alone can only show them to everyone,
 * to every signed-in caller or to nobody ({@code endpoints.health.details-visible}).
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthDetailsForGlobalAdmins extends HealthEndpoint {

    HealthDetailsForGlobalAdmins(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                 @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return principal instanceof Authentication authentication && Actors.grants(authentication, Permission.READ_HEALTH_DETAILS)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS
                : HealthLevelOfDetail.STATUS;
    }
}
