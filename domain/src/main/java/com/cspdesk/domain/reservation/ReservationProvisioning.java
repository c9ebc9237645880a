package com.cspdesk.domain.reservation;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one reservation line applies: the customer's Azure subscription (a GUID, lower case), the scope, and the
 * resource group exactly when the scope is {@link ReservationScope#SINGLE}. Built through
 * {@link ReservationProvisioningPolicy}, which says why a context is not valid; the constructor only refuses
 * what the policy would never build.
 */
public record ReservationProvisioning(String subscriptionId, ReservationScope scope, Optional<String> resourceGroup) {

    public ReservationProvisioning {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        if (!ReservationProvisioningPolicy.isSubscriptionId(subscriptionId)
                || !subscriptionId.equals(subscriptionId.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("not a subscription id in lower case: " + subscriptionId);
        }
        if (resourceGroup.isPresent() != (scope == ReservationScope.SINGLE)) {
            throw new IllegalArgumentException("a resource group is named exactly for the single scope: " + scope + ", " + resourceGroup);
        }
        resourceGroup.filter(name -> !ReservationProvisioningPolicy.isResourceGroupName(name)).ifPresent(name -> {
            throw new IllegalArgumentException("not a resource group name: " + name);
        });
    }
}
