package com.cspdesk.application.activity;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.activity.ActivityEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The activity records of the partner's own administration — users, sign-ins, second factors,
 * customers, the sandbox clock, invoice runs — on the partner's chain, with who, when and from where
 * ({@value #CLIENT_ADDRESS} in the customized data). Operation types are Partner Center's where it
 * has one ({@code create_partner_user}, {@code add_customer}, {@code ready_invoice}, …).
 */
public final class AdminActs {

    /** The customized-data key of the address the act came from. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String FAILED = "failed";

    private AdminActs() {
    }

    /** A signed-in actor's act that succeeded. */
    public static ActivityEntry by(Actor actor, Instant when, String operationType, String resourceType, String resourceId,
                                   Map<String, String> details) {
        return entry(when, operationType, ActivityEntry.SUCCEEDED, actor.username(), actor.address(), resourceType,
                resourceId, details);
    }

    /**
     * An act without a signed-in actor (a sign-in attempt): {@code userPrincipalName} is the name it
     * was made for, {@code status} {@link ActivityEntry#SUCCEEDED} or {@link #FAILED}.
     */
    public static ActivityEntry entry(Instant when, String operationType, String status, String userPrincipalName,
                                      Optional<String> from, String resourceType, String resourceId,
                                      Map<String, String> details) {
        Map<String, String> data = new LinkedHashMap<>(details);
        from.ifPresent(address -> data.put(CLIENT_ADDRESS, address));
        return new ActivityEntry(when, operationType, status, userPrincipalName, null, null, null, resourceType,
                resourceId, data);
    }
}
