package com.cspdesk.domain.activity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every kind of act the activity log records, and what Partner Center's audit records call it
 * (issue #14: PC's SDK reads {@code operationType}, {@code resourceType} and {@code operationStatus}
 * into enums and fails a whole page on a value outside its lists).
 *
 * <p>Read it as a table. Our kind (the {@link Operation} or {@link Resource} {@code kind}) is what a
 * record stores and hashes ({@link ActivityEntry#operationType()}, {@link ActivityEntry#resourceType()}),
 * and what the API shows as {@code operationKind} / {@code resourceKind}, the CSV and the dashboard
 * too. Partner Center's name ({@code partnerCenterType}) is what the API shows as {@code operationType}
 * / {@code resourceType}, worked out when a record is read, so records stored before this catalogue
 * read (and verify) as they are, and a better PC name chosen later applies to old records alike.
 * {@link #UNDEFINED} (PC's own "none of these") only where PC has nothing close.
 *
 * <p>A kind stored but not named here (none is written; only a hand-made row could be) reads as
 * {@link #UNDEFINED}; a filter on PC's {@code undefined} finds the kinds named here as undefined,
 * not such a row (our {@code OperationKind} filter does).
 */
public final class ActivityCatalogue {

    /** Partner Center's value for an operation or resource outside its list. */
    public static final String UNDEFINED = "undefined";

    private ActivityCatalogue() {
    }

    /** What a record is about, ours and Partner Center's name for it. */
    public enum Resource {
        CUSTOMER("customer", "customer"),
        ORDER("order", "order"),
        /** A credit note issued for cancelled lines; PC's audit has no credit note (its refunds are invoice lines). */
        CREDIT("credit", UNDEFINED),
        SOFTWARE_KEY("software_key", "software_key"),
        SOFTWARE_DOWNLOAD_LINK("software_download_link", "software_download_link"),
        /** Bits sent through a download link: the link is the resource PC knows. */
        SOFTWARE_DOWNLOAD("software_download", "software_download_link"),
        /** A support request; PC's audit list has none. */
        SERVICE_REQUEST("service_request", UNDEFINED),
        /** A user of the partner's desk. */
        USER("user", "partner_user"),
        /** The address sign-ins came from, when the lock-out is per address. */
        CLIENT_ADDRESS("client_address", UNDEFINED),
        /** A monthly invoice run: it readies the invoices. */
        INVOICE_RUN("invoice_run", "invoice"),
        /** The sandbox's moved clock (the sandbox only). */
        SANDBOX_CLOCK("sandbox_clock", UNDEFINED),
        /** A registered service caller (#14 item 3). */
        APPLICATION("application", "application"),
        /** One of an application's secrets. */
        APPLICATION_CREDENTIAL("application_credential", "application_credential"),
        /** The partner's webhook registration (#15); PC's audit list has none. */
        WEBHOOK_REGISTRATION("webhook_registration", UNDEFINED),
        // Subscriptions with a term (#16)
        /** A server subscription (an order line with a term): Partner Center's subscription resource. */
        SUBSCRIPTION("subscription", "subscription");

        private final String kind;
        private final String partnerCenterType;

        Resource(String kind, String partnerCenterType) {
            this.kind = kind;
            this.partnerCenterType = partnerCenterType;
        }

        /** Our name, as stored and shown as {@code resourceKind}. */
        public String kind() {
            return kind;
        }

        /** Partner Center's {@code resourceType}. */
        public String partnerCenterType() {
            return partnerCenterType;
        }

        public static Optional<Resource> ofKind(String kind) {
            return find(values(), Resource::kind, kind);
        }
    }

    /** What was done, ours and Partner Center's name for it, and the resources it is recorded on. */
    public enum Operation {
        // Software
        GET_SOFTWARE_KEY("get_software_key", "get_software_key", Resource.SOFTWARE_KEY),
        GET_SOFTWARE_DOWNLOAD_LINK("get_software_download_link", "get_software_download_link", Resource.SOFTWARE_DOWNLOAD_LINK),
        /**
         * Bits sent through a link (whole file or a range). PC logs the link, not the download: not
         * {@code get_software_download_link}, which would count downloads as links made.
         */
        DOWNLOAD_SOFTWARE("download_software", UNDEFINED, Resource.SOFTWARE_DOWNLOAD),
        // Orders, cancellations, support
        CREATE_ORDER("create_order", "create_order", Resource.ORDER),
        /** A cancellation: PC's PATCH of the order, so PC calls it an order update. */
        CANCEL_ORDER("cancel_order", "update_order", Resource.ORDER),
        /** The credit note of each cancelled line, beside the cancellation; PC has no such operation. */
        ISSUE_CREDIT("issue_credit", UNDEFINED, Resource.CREDIT),
        // Issue #16 reservations provisioned
        /**
         * A reservation line's scope (and subscription, resource group) changed after purchase: a change of the
         * order's line, so PC's order update.
         */
        CHANGE_RESERVATION_SCOPE("change_reservation_scope", "update_order", Resource.ORDER),
        CREATE_SERVICE_REQUEST("create_service_request", UNDEFINED, Resource.SERVICE_REQUEST),
        /** A file added to a service request: the request changed. */
        ATTACH_SERVICE_REQUEST_FILE("attach_service_request_file", UNDEFINED, Resource.SERVICE_REQUEST),
        // Support requests that end (#16 item 4); PC's audit records have no service request operation.
        /** A status moved and/or a note written (by the partner or support staff). */
        UPDATE_SERVICE_REQUEST("update_service_request", UNDEFINED, Resource.SERVICE_REQUEST),
        /** Support staff resolved a refund request: approved with an amount (credited once) or declined with a reason. */
        RESOLVE_SERVICE_REQUEST("resolve_service_request", UNDEFINED, Resource.SERVICE_REQUEST),
        // The partner's users and customers, invoicing, the sandbox
        CREATE_PARTNER_USER("create_partner_user", "create_partner_user", Resource.USER),
        UPDATE_PARTNER_USER("update_partner_user", "update_partner_user", Resource.USER),
        REMOVE_PARTNER_USER("remove_partner_user", "remove_partner_user", Resource.USER),
        ADD_CUSTOMER("add_customer", "add_customer", Resource.CUSTOMER),
        /** An invoice run started (by an admin or the schedule). */
        READY_INVOICE("ready_invoice", "ready_invoice", Resource.INVOICE_RUN),
        UPDATE_SANDBOX_CLOCK("update_sandbox_clock", UNDEFINED, Resource.SANDBOX_CLOCK),
        // Sign-ins and second factors
        /** A failed sign-in (a wrong password or second-factor code); PC's audit has no sign-ins. */
        SIGN_IN("sign_in", UNDEFINED, Resource.USER),
        /** The failed sign-in that starts a back-off, for the account or for the address. */
        SIGN_IN_LOCKED_OUT("sign_in_locked_out", UNDEFINED, Resource.USER, Resource.CLIENT_ADDRESS),
        /** A user confirmed a second factor: a change to the partner user. */
        ENROL_MFA("enrol_mfa", "update_partner_user", Resource.USER),
        /** An admin removed a user's second factor: a change to the partner user. */
        RESET_MFA("reset_mfa", "update_partner_user", Resource.USER),
        // Service callers (#14 item 3)
        REGISTER_APPLICATION("register_application", "register_application", Resource.APPLICATION),
        UNREGISTER_APPLICATION("unregister_application", "unregister_application", Resource.APPLICATION),
        ADD_APPLICATION_CREDENTIAL("add_application_credential", "add_application_credential", Resource.APPLICATION_CREDENTIAL),
        REMOVE_APPLICATION_CREDENTIAL("remove_application_credential", "remove_application_credential",
                Resource.APPLICATION_CREDENTIAL),
        // Webhooks (#15): PC's audit has no webhook operation
        REGISTER_WEBHOOK("register_webhook", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        /** The registration's URL or events changed. */
        UPDATE_WEBHOOK("update_webhook", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        DELETE_WEBHOOK("delete_webhook", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        /** A new signing secret made; the old one no longer signs. */
        ROTATE_WEBHOOK_SECRET("rotate_webhook_secret", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        /** A test event ({@code test-created}) asked for: raises it, so it goes out as every other event. */
        SEND_WEBHOOK_TEST("send_webhook_test", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        /** A delivery sent again on an admin's request, under its first {@code webhook-id}. */
        REDELIVER_WEBHOOK("redeliver_webhook", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        /** The registration switched off by the desk after failing for days; a change of it switches it on. */
        DISABLE_WEBHOOK("disable_webhook", UNDEFINED, Resource.WEBHOOK_REGISTRATION),
        // Subscriptions with a term (#16)
        /** A term ended and the next began (by the renewal job, as system); PC's audit has no renewal operation. */
        RENEW_SUBSCRIPTION("renew_subscription", UNDEFINED, Resource.SUBSCRIPTION),
        /** A term ended without auto-renew: keys and links revoked; PC's audit has no expiry operation. */
        EXPIRE_SUBSCRIPTION("expire_subscription", UNDEFINED, Resource.SUBSCRIPTION),
        /** Auto-renew switched on or off: PC's PATCH of the subscription. */
        UPDATE_SUBSCRIPTION("update_subscription", "update_subscription", Resource.SUBSCRIPTION),
        /** A renewal cancelled within its window (PC: a PATCH of the subscription's status); its credit is an issue_credit beside it. */
        CANCEL_SUBSCRIPTION_RENEWAL("cancel_subscription_renewal", "update_subscription", Resource.SUBSCRIPTION);

        private final String kind;
        private final String partnerCenterType;
        private final List<Resource> resources;

        Operation(String kind, String partnerCenterType, Resource... resources) {
            this.kind = kind;
            this.partnerCenterType = partnerCenterType;
            this.resources = List.of(resources);
        }

        /** Our name, as stored and shown as {@code operationKind}. */
        public String kind() {
            return kind;
        }

        /** Partner Center's {@code operationType}. */
        public String partnerCenterType() {
            return partnerCenterType;
        }

        /** The resource it is recorded on (the first of {@link #resources()}). */
        public Resource resource() {
            return resources.get(0);
        }

        /** Every resource it may be recorded on. */
        public List<Resource> resources() {
            return resources;
        }

        public static Optional<Operation> ofKind(String kind) {
            return find(values(), Operation::kind, kind);
        }
    }

    /** Partner Center's {@code operationType} of a stored operation kind. */
    public static String operationTypeOf(String kind) {
        return Operation.ofKind(kind).map(Operation::partnerCenterType).orElse(UNDEFINED);
    }

    /** Partner Center's {@code resourceType} of a stored resource kind. */
    public static String resourceTypeOf(String kind) {
        return Resource.ofKind(kind).map(Resource::partnerCenterType).orElse(UNDEFINED);
    }

    /**
     * Our operation kinds whose Partner Center name is {@code name} (ignoring case), or contains it
     * when {@code substring}: what a filter on PC's {@code OperationType} reads. Empty when none is.
     */
    public static List<String> operationKindsCalled(String name, boolean substring) {
        Predicate<String> matches = matcher(name, substring);
        return Arrays.stream(Operation.values()).filter(o -> matches.test(o.partnerCenterType())).map(Operation::kind).toList();
    }

    /** Our resource kinds whose Partner Center name is (or contains) {@code name}: a filter on PC's {@code ResourceType}. */
    public static List<String> resourceKindsCalled(String name, boolean substring) {
        Predicate<String> matches = matcher(name, substring);
        return Arrays.stream(Resource.values()).filter(r -> matches.test(r.partnerCenterType())).map(Resource::kind).toList();
    }

    private static Predicate<String> matcher(String name, boolean substring) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return substring ? pc -> pc.contains(wanted) : pc -> pc.equals(wanted);
    }

    private static <T> Optional<T> find(T[] values, Function<T, String> kindOf, String kind) {
        return kind == null ? Optional.empty() : Arrays.stream(values).filter(v -> kindOf.apply(v).equals(kind)).findFirst();
    }
}
