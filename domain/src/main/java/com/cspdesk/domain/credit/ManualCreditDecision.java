package com.cspdesk.domain.credit;

import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.util.List;
import java.util.Objects;

/** What {@link ManualCreditPolicy} decided: the credit of each line, or why none. */
public sealed interface ManualCreditDecision {

    /** The credit spread over lines (only lines with a non-zero share), and its total. */
    record Allocated(List<LineCredit> lines, PriceQuote total) implements ManualCreditDecision {
        public Allocated {
            lines = List.copyOf(lines);
            Objects.requireNonNull(total, "total");
        }
    }

    /** Refused; {@code creditable} is what the order could still be credited (for the message and the form). */
    record Refused(ManualCreditRefusal reason, Money creditable) implements ManualCreditDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(creditable, "creditable");
        }
    }

    record LineCredit(int lineItemNumber, PriceQuote credit) {
        public LineCredit {
            Objects.requireNonNull(credit, "credit");
        }
    }
}
