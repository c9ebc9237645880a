package com.cspdesk.adapters.web.metrics;

import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.configuration.metrics.micrometer.prometheus.management.PrometheusEndpoint;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;

/**
 * Micronaut's {@code /prometheus} in the text format Prometheus scrapes, readable only by callers the
 * core's table grants {@link Permission#READ_METRICS} (401 without a token, 403 otherwise): the
 * metrics name routes, customers' traffic and the pool's state, nothing for the public. Micronaut's
 * own endpoint could only be open or closed to every signed-in caller.
 */
@Endpoint(value = PrometheusEndpoint.ID, defaultSensitive = false)
@Replaces(PrometheusEndpoint.class)
@Requires(beans = PrometheusMeterRegistry.class)
class MetricsEndpoint {

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Read(produces = "text/plain; version=0.0.4; charset=utf-8")
    @RequiresPermission(Permission.READ_METRICS)
    String scrape() {
        return registry.scrape();
    }
}
