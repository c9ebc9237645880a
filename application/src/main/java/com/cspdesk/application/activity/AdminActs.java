package com.cspdesk.application.activity;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.activity.ActivityCatalogue;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The activity records of the partner's own administration — users, sign-ins, second factors,
 * customers, the sandbox clock, invoice runs — on the partner's chain, with who, when and from where
 * ({@value #CLIENT_ADDRESS} in the customized data). Their kinds and Partner Center's names for them
 * are the {@link ActivityCatalogue}'s ({@code sign_in} is PC's {@code undefined}, {@code enrol_mfa} its
 * {@code update_partner_user}, …).
 */
public final class AdminActs {

    /** The customized-data key of the address the act came from. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String FAILED = ActivityEntry.FAILED;
    /** Who acts when nobody signed in does: the schedules. */
    public static final String SYSTEM = "system";

    /** The admin acts' kinds, from the {@link ActivityCatalogue} (which names Partner Center's type of each). */
    public static final String CREATE_PARTNER_USER = Operation.CREATE_PARTNER_USER.kind();
    public static final String UPDATE_PARTNER_USER = Operation.UPDATE_PARTNER_USER.kind();
    public static final String REMOVE_PARTNER_USER = Operation.REMOVE_PARTNER_USER.kind();
    public static final String ADD_CUSTOMER = Operation.ADD_CUSTOMER.kind();
    public static final String READY_INVOICE = Operation.READY_INVOICE.kind();
    public static final String UPDATE_SANDBOX_CLOCK = Operation.UPDATE_SANDBOX_CLOCK.kind();
    /** A user's second factor confirmed (by the user), and removed (by an admin). */
    public static final String ENROL_MFA = Operation.ENROL_MFA.kind();
    public static final String RESET_MFA = Operation.RESET_MFA.kind();
    /** A failed sign-in: a wrong password, or a wrong second-factor code (detail {@code mfa}). */
    public static final String SIGN_IN = Operation.SIGN_IN.kind();
    /** The failed sign-in that starts a back-off, for the account or the address. */
    public static final String SIGN_IN_LOCKED_OUT = Operation.SIGN_IN_LOCKED_OUT.kind();
    /** Applications (service callers) and their secrets: Partner Center's names. */
    public static final String REGISTER_APPLICATION = Operation.REGISTER_APPLICATION.kind();
    public static final String ADD_APPLICATION_CREDENTIAL = Operation.ADD_APPLICATION_CREDENTIAL.kind();
    public static final String REMOVE_APPLICATION_CREDENTIAL = Operation.REMOVE_APPLICATION_CREDENTIAL.kind();
    public static final String UNREGISTER_APPLICATION = Operation.UNREGISTER_APPLICATION.kind();

    private AdminActs() {
    }

    /** A signed-in actor's act that succeeded. */
    public static ActivityEntry by(Actor actor, Instant when, String operationType, String resourceType, String resourceId,
                                   Map<String, String> details) {
        return new ActivityEntry(when, operationType, ActivityEntry.SUCCEEDED, actor.username(),
                actor.applicationId().orElse(null), null, null, resourceType, resourceId,
                withAddress(details, actor.address()));
    }

    /**
     * A signed-in actor's act that made a customer (Partner Center's {@code add_customer} names it):
     * on that customer's chain, with its id and name, so a filter by customer finds it.
     */
    public static ActivityEntry forCustomer(Actor actor, Instant when, String operationType, String customerId,
                                            String customerName, Map<String, String> details) {
        return new ActivityEntry(when, operationType, ActivityEntry.SUCCEEDED, actor.username(), actor.applicationId().orElse(null), customerId,
                customerName, Resource.CUSTOMER.kind(), customerId, withAddress(details, actor.address()));
    }

    /**
     * An act without a signed-in actor (a sign-in attempt): {@code userPrincipalName} is the name it
     * was made for, {@code status} {@link ActivityEntry#SUCCEEDED} or {@link #FAILED}.
     */
    public static ActivityEntry entry(Instant when, String operationType, String status, String userPrincipalName,
                                      Optional<String> from, String resourceType, String resourceId,
                                      Map<String, String> details) {
        return new ActivityEntry(when, operationType, status, userPrincipalName, null, null, null, resourceType,
                resourceId, withAddress(details, from));
    }

    private static Map<String, String> withAddress(Map<String, String> details, Optional<String> from) {
        Map<String, String> data = new LinkedHashMap<>(details);
        from.ifPresent(address -> data.put(CLIENT_ADDRESS, address));
        return data;
    }
}
