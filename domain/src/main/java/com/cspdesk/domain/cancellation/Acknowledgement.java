package com.cspdesk.domain.cancellation;

import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Cancel a purchase" step 7 and api.md "Orders": who must acknowledge the Important message
 * (keys and download links revoked, the credit on the next invoice) before a purchase is cancelled,
 * and whether they did. The one place that rule is written:
 * <ul>
 *   <li>A person in the dashboard's Cancel dialog acknowledges by ticking its checkbox; without the
 *       tick nothing is cancelled.</li>
 *   <li>A caller of the API acknowledges by making the call: Partner Center's PATCH ("Cancel software
 *       purchases") has no such field, so its clients never send one (issue #14). A caller that states
 *       {@code false} has said that it did not, and is refused as the unticked dialog is.</li>
 * </ul>
 *
 * @param channel how the cancellation was asked for
 * @param stated what the request itself said, if it said anything (the checkbox's tick, the API's field)
 */
public record Acknowledgement(Channel channel, Optional<Boolean> stated) {

    /** How a cancellation reaches the desk. */
    public enum Channel {
        /** The dashboard's Cancel dialog, with its checkbox. */
        DIALOG,
        /** A call of the API ({@code PATCH …/orders/{orderId}}), Partner Center's clients included. */
        API_CALL
    }

    public Acknowledgement {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(stated, "stated");
    }

    /** The dialog's checkbox: a form sends it only when it is ticked. */
    public static Acknowledgement dialog(boolean ticked) {
        return new Acknowledgement(Channel.DIALOG, ticked ? Optional.of(true) : Optional.empty());
    }

    /** An API call, with what its body said ({@code acknowledged}), or nothing. */
    public static Acknowledgement apiCall(Optional<Boolean> stated) {
        return new Acknowledgement(Channel.API_CALL, stated);
    }

    /** Whether the consequences were acknowledged: as stated, else only by the call itself. */
    public boolean given() {
        return stated.orElse(channel == Channel.API_CALL);
    }
}
