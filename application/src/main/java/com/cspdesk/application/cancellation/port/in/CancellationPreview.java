package com.cspdesk.application.cancellation.port.in;

import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spec "Cancel a purchase": what the Cancel dialog shows before the user acknowledges — whether
 * the order can be cancelled and why not, the window's end, the days left, whether a customer
 * support request is needed, and the credit per line. Computing it changes nothing.
 */
public record CancellationPreview(String orderId, boolean cancellable, Optional<String> reason,
                                  Optional<Instant> windowEndsAt, long daysRemaining, boolean supportRequestRequired,
                                  List<Line> lineItems, PriceQuote totalCredit) {

    public CancellationPreview {
        lineItems = List.copyOf(lineItems);
    }

    /** {@code reason} is a stable code when the line cannot be cancelled; {@code credit} is zero then. */
    public record Line(int lineItemNumber, String friendlyName, boolean cancellable, Optional<String> reason,
                       Optional<Instant> windowEndsAt, long daysRemaining, PriceQuote credit) {
    }
}
