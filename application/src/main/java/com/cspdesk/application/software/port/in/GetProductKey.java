package com.cspdesk.application.software.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.software.ProductKey;

/**
 * Spec "Activate and manage software subscriptions" step 3: the product key for a version,
 * language and bitness. Issued once per software line and version, then always the same; every
 * access is in the activity log (never the key itself).
 */
public interface GetProductKey {

    KeyResult getKey(ChosenSoftware choice, Actor actor);

    sealed interface KeyResult {
    }

    record Key(ProductKey productKey) implements KeyResult {
    }

    record Refused(SoftwareRefusal refusal) implements KeyResult {
    }

    /** The table does not let the actor do this; nothing was looked at or issued. */
    record NotPermitted(Permission permission) implements KeyResult {
    }
}
