package com.cspdesk.domain.order;

import com.cspdesk.domain.money.PriceQuote;

/**
 * One line of an order, in one of its two states: {@link ActiveLine} or {@link CancelledLine}.
 * The order needs a line's number (its identity in the order) and what it charged (the order's currency and totals).
 */
public sealed interface OrderLine permits ActiveLine, CancelledLine {

    int lineItemNumber();

    /** What this line was charged (net, tax, gross), kept after cancellation for the record. */
    PriceQuote charged();
}
