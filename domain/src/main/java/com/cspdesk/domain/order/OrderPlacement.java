package com.cspdesk.domain.order;

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
        BILLING_CYCLE
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
        MARKET_UNAVAILABLE("market_unavailable", Part.OFFER, true);

        private final String code;
        private final Part part;
        private final boolean businessRule;

        Reason(String code, Part part, boolean businessRule) {
            this.code = code;
            this.part = part;
            this.businessRule = businessRule;
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
