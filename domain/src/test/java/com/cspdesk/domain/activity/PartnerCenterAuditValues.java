package com.cspdesk.domain.activity;

import java.util.List;

/**
 * Test fixture: the values Partner Center's Java SDK (1.15.x, models/auditing OperationType,
 * ResourceType, OperationStatus) reads into its enums. A value outside these lists makes the SDK
 * fail the whole page of audit records. Shared with bootstrap's end-to-end tests (domain's test-jar).
 */
public final class PartnerCenterAuditValues {

    public static final List<String> OPERATION_TYPES = List.of("undefined", "update_customer_qualification",
            "update_subscription", "upgrade_subscription", "convert_trial_subscription", "add_customer",
            "update_customer_billing_profile", "delete_customer", "remove_partner_customer_relationship", "create_order",
            "update_order", "create_customer_user", "delete_customer_user", "update_customer_user",
            "update_customer_user_licenses", "reset_customer_user_password", "update_customer_user_principal_name",
            "restore_customer_user", "create_mpn_association", "update_mpn_association", "update_sfb_customer_user_licenses",
            "update_transfer", "create_partner_relationship", "register_application", "unregister_application",
            "add_application_credential", "remove_application_credential", "create_partner_user", "update_partner_user",
            "remove_partner_user", "create_referral", "update_referral", "get_software_key", "get_software_download_link",
            "increase_credit_limit", "ready_invoice", "create_agreement");

    public static final List<String> RESOURCE_TYPES = List.of("undefined", "customer", "customer_user", "order",
            "subscription", "license", "third_party_add_on", "mpn_association", "transfer", "application",
            "application_credential", "partner_user", "partner_relationship", "referral", "software_key",
            "software_download_link", "credit_limit", "invoice", "agreement");

    public static final List<String> OPERATION_STATUSES = List.of("succeeded", "failed", "progress", "decline");

    private PartnerCenterAuditValues() {
    }
}
