package com.cspdesk.domain.reservation;

/**
 * Why a reservation's provisioning context is refused: {@link #code()} is the API's stable problem code,
 * {@link #key()} the context's key at fault (empty when the context as a whole is). All are bad input.
 */
public enum ProvisioningFault {
    /** An Azure reservation line without a context (Partner Center needs the customer's Azure subscription). */
    CONTEXT_REQUIRED("provisioning_context_required", ""),
    /** A context on a line that is not an Azure reservation. */
    CONTEXT_NOT_ALLOWED("provisioning_context_not_allowed", ""),
    /** No subscription id, or not a GUID. */
    SUBSCRIPTION_ID_INVALID("reservation_subscription_id_invalid", ReservationProvisioningPolicy.SUBSCRIPTION_ID),
    /** No scope, or neither {@code shared} nor {@code single}. */
    SCOPE_INVALID("reservation_scope_invalid", ReservationProvisioningPolicy.SCOPE),
    /** The single scope without a resource group. */
    RESOURCE_GROUP_REQUIRED("reservation_resource_group_required", ReservationProvisioningPolicy.RESOURCE_GROUP),
    /** A resource group with the shared scope (it applies to every subscription). */
    RESOURCE_GROUP_NOT_ALLOWED("reservation_resource_group_not_allowed", ReservationProvisioningPolicy.RESOURCE_GROUP),
    /** Not a resource group name by Azure's rules. Argument: the longest length. */
    RESOURCE_GROUP_INVALID("reservation_resource_group_invalid", ReservationProvisioningPolicy.RESOURCE_GROUP),
    /** The duration is not the SKU's term (or not a duration). Argument: the SKU's duration ({@code 1Year}, {@code 3Years}). */
    DURATION_MISMATCH("reservation_duration_mismatch", ReservationProvisioningPolicy.DURATION);

    private final String code;
    private final String key;

    ProvisioningFault(String code, String key) {
        this.code = code;
        this.key = key;
    }

    public String code() {
        return code;
    }

    /** The context's key at fault ({@code scope}), or empty for the context as a whole. */
    public String key() {
        return key;
    }
}
