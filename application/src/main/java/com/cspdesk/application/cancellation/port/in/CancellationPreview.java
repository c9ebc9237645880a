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

    /**
     * The credit of the lines that only a customer support request can cancel (spec "Submit a
     * customer support request to cancel a purchase"): what such a request asks for.
     */
    public PriceQuote refundToRequest() {
        PriceQuote refund = PriceQuote.zero(totalCredit.currency());
        for (Line line : lineItems) {
            if (line.reason().filter(SUPPORT_REQUEST_REQUIRED::equals).isPresent()) {
                refund = refund.plus(line.credit());
            }
        }
        return refund;
    }

    private static final String SUPPORT_REQUEST_REQUIRED = "support_request_required";

    /**
     * {@code reason} is a stable code when the line cannot be cancelled; {@code credit} is zero then,
     * except for a line that only a support request can cancel: the credit such a request would ask for.
     */
    public record Line(int lineItemNumber, String friendlyName, boolean cancellable, Optional<String> reason,
                       Optional<Instant> windowEndsAt, long daysRemaining, PriceQuote credit) {
    }
}
