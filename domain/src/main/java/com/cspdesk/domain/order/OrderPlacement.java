package com.cspdesk.domain.order;

import com.cspdesk.domain.reservation.ProvisioningCheck;
import com.cspdesk.domain.reservation.ProvisioningFault;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The answer of {@link OrderPlacementPolicy}: the order may be placed, or it is refused for one
 * {@link Reason}, on one line (by its index in the request) and one {@link Part} of it.
 */
public sealed interface OrderPlacement {

    /** Every line may be bought as asked. */
    record Accepted() implements OrderPlacement {
    }

    /**
     * Refused for {@code reason}. {@code lineIndex} is the position of the line at fault in the requested
     * list (empty when the list as a whole is at fault); {@code arguments} are the values the refusal names,
     * as each {@link Reason} documents.
     */
    record Refused(Reason reason, OptionalInt lineIndex, List<String> arguments) implements OrderPlacement {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(lineIndex, "lineIndex");
            arguments = List.copyOf(arguments);
            if (lineIndex.isPresent() == (reason.part() == Part.LINE_ITEMS)) {
                throw new IllegalArgumentException(reason + " is about " + reason.part() + ", line index " + lineIndex);
            }
        }

        static Refused ofLines(Reason reason, String... arguments) {
            return new Refused(reason, OptionalInt.empty(), List.of(arguments));
        }

        /** The refusal of the line at {@code lineIndex} for its provisioning context. */
        public static Refused ofContext(int lineIndex, ProvisioningCheck.Refused refused) {
            return new Refused(Reason.of(refused.fault()), OptionalInt.of(lineIndex), refused.arguments());
        }

        static Refused onLine(Reason reason, int lineIndex, String... arguments) {
            return new Refused(reason, OptionalInt.of(lineIndex), List.of(arguments));
        }

        /** Which part of the request is at fault. */
        public Part part() {
            return reason.part();
        }
    }

    /** The part of the request a refusal is about. */
    enum Part {
        /** The list of lines as a whole (no line index). */
        LINE_ITEMS,
        LINE_ITEM_NUMBER,
        OFFER,
        QUANTITY,
        /** The order's billing cycle, which the line's SKU does not support. */
        BILLING_CYCLE,
        /** Issue #16 reservations provisioned: the line's provisioning context as a whole, or one of its keys. */
        PROVISIONING_CONTEXT,
        PROVISIONING_SUBSCRIPTION_ID,
        PROVISIONING_SCOPE,
        PROVISIONING_RESOURCE_GROUP,
        PROVISIONING_DURATION
    }

    /** Why an order is refused; {@link #code()} is the API's stable problem code. */
    enum Reason {
        /** No lines, or more than {@link OrderPlacementPolicy#MAX_LINE_ITEMS}. Argument: the limit. */
        LINE_ITEMS_INVALID("line_items_invalid", Part.LINE_ITEMS, false),
        /** A negative line item number (they start at 0). Argument: the number. */
        LINE_ITEM_NUMBER_INVALID("line_item_number_invalid", Part.LINE_ITEM_NUMBER, false),
        /** A line item number used by an earlier line. Argument: the number. */
        LINE_ITEM_NUMBER_DUPLICATE("line_item_number_duplicate", Part.LINE_ITEM_NUMBER, false),
        /** The offer is not in the catalog. No arguments. */
        OFFER_INVALID("offer_invalid", Part.OFFER, false),
        /** The offer is priced in another currency than the customer's market. Arguments: market, its currency. */
        OFFER_NOT_FOR_MARKET("offer_not_for_market", Part.OFFER, false),
        /** A line's quantity is below 1, or its SKU's quantity summed over the order is outside the SKU's range. Arguments: minimum, maximum. */
        QUANTITY_OUT_OF_RANGE("quantity_out_of_range", Part.QUANTITY, false),
        /** The line's SKU does not support the order's billing cycle. Argument: the SKU's billing cycles, sorted. */
        BILLING_CYCLE_NOT_SUPPORTED("billing_cycle_not_supported", Part.BILLING_CYCLE, false),
        /** Spec "Azure reservations unavailable markets": a business refusal, not bad input. Argument: the market. */
        MARKET_UNAVAILABLE("market_unavailable", Part.OFFER, true),
        // Issue #16 reservations provisioned: the line's provisioningContext, as ReservationProvisioningPolicy refuses it.
        /** From {@link ProvisioningFault#CONTEXT_REQUIRED}. No arguments. */
        PROVISIONING_CONTEXT_REQUIRED(ProvisioningFault.CONTEXT_REQUIRED, Part.PROVISIONING_CONTEXT),
        /** From {@link ProvisioningFault#CONTEXT_NOT_ALLOWED}. No arguments. */
        PROVISIONING_CONTEXT_NOT_ALLOWED(ProvisioningFault.CONTEXT_NOT_ALLOWED, Part.PROVISIONING_CONTEXT),
        /** From {@link ProvisioningFault#SUBSCRIPTION_ID_INVALID}. No arguments. */
        RESERVATION_SUBSCRIPTION_ID_INVALID(ProvisioningFault.SUBSCRIPTION_ID_INVALID, Part.PROVISIONING_SUBSCRIPTION_ID),
        /** From {@link ProvisioningFault#SCOPE_INVALID}. No arguments. */
        RESERVATION_SCOPE_INVALID(ProvisioningFault.SCOPE_INVALID, Part.PROVISIONING_SCOPE),
        /** From {@link ProvisioningFault#RESOURCE_GROUP_REQUIRED}. No arguments. */
        RESERVATION_RESOURCE_GROUP_REQUIRED(ProvisioningFault.RESOURCE_GROUP_REQUIRED, Part.PROVISIONING_RESOURCE_GROUP),
        /** From {@link ProvisioningFault#RESOURCE_GROUP_NOT_ALLOWED}. No arguments. */
        RESERVATION_RESOURCE_GROUP_NOT_ALLOWED(ProvisioningFault.RESOURCE_GROUP_NOT_ALLOWED, Part.PROVISIONING_RESOURCE_GROUP),
        /** From {@link ProvisioningFault#RESOURCE_GROUP_INVALID}. Argument: the longest length. */
        RESERVATION_RESOURCE_GROUP_INVALID(ProvisioningFault.RESOURCE_GROUP_INVALID, Part.PROVISIONING_RESOURCE_GROUP),
        /** From {@link ProvisioningFault#DURATION_MISMATCH}. Argument: the SKU's duration. */
        RESERVATION_DURATION_MISMATCH(ProvisioningFault.DURATION_MISMATCH, Part.PROVISIONING_DURATION);

        private final String code;
        private final Part part;
        private final boolean businessRule;

        Reason(String code, Part part, boolean businessRule) {
            this.code = code;
            this.part = part;
            this.businessRule = businessRule;
        }

        Reason(ProvisioningFault fault, Part part) {
            this(fault.code(), part, false);
        }

        /** The refusal of a line whose provisioning context the reservation policy refused. */
        public static Reason of(ProvisioningFault fault) {
            return switch (fault) {
                case CONTEXT_REQUIRED -> PROVISIONING_CONTEXT_REQUIRED;
                case CONTEXT_NOT_ALLOWED -> PROVISIONING_CONTEXT_NOT_ALLOWED;
                case SUBSCRIPTION_ID_INVALID -> RESERVATION_SUBSCRIPTION_ID_INVALID;
                case SCOPE_INVALID -> RESERVATION_SCOPE_INVALID;
                case RESOURCE_GROUP_REQUIRED -> RESERVATION_RESOURCE_GROUP_REQUIRED;
                case RESOURCE_GROUP_NOT_ALLOWED -> RESERVATION_RESOURCE_GROUP_NOT_ALLOWED;
                case RESOURCE_GROUP_INVALID -> RESERVATION_RESOURCE_GROUP_INVALID;
                case DURATION_MISMATCH -> RESERVATION_DURATION_MISMATCH;
            };
        }

        public String code() {
            return code;
        }

        public Part part() {
            return part;
        }

        /** True when a well-formed request is refused by a business rule; false when the request itself is wrong. */
        public boolean businessRule() {
            return businessRule;
        }
    }
}
