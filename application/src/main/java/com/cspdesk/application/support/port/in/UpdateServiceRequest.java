package com.cspdesk.application.support.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * Partner Center's "Update a service request" (PATCH with a ServiceRequest carrying {@code status} and/or
 * {@code newNote}), and the desk's resolution of a refund request (#16 item 4). Each side moves the request
 * as {@code ServiceRequestLifecycle} lets it and writes notes on it; support staff resolve it: a refund
 * approved with an amount (at most what the order can still be credited, credited once) or declined with
 * a reason the partner reads.
 */
public interface UpdateServiceRequest {

    UpdateResult update(String requestId, Change change, Actor actor);

    /** Raw input, validated by the use case; {@code null} is "not given". */
    record Change(String status, String noteText, ResolutionInput resolution) {
    }

    /** {@code outcome} approved (with {@code amount} and {@code currency}) or declined (with {@code reason}). */
    record ResolutionInput(String outcome, String amount, String currency, String reason) {
    }

    sealed interface UpdateResult {
    }

    record Updated(ServiceRequestView request) implements UpdateResult {
    }

    record RequestNotFound() implements UpdateResult {
    }

    /**
     * The table does not let the actor do this: it may not follow requests at all, or the move or the
     * resolution is the other side's (support staff's, {@code HANDLE_SERVICE_REQUESTS}). Nothing changed.
     */
    record NotPermitted(Permission permission) implements UpdateResult {
    }

    /**
     * Bad input, naming the field: {@code service_request_change_missing}, {@code service_request_status_invalid},
     * {@code note_text_invalid}, {@code resolution_required} (resolved without one),
     * {@code resolution_status_mismatch}, {@code resolution_outcome_invalid}, {@code approved_amount_invalid},
     * {@code decline_reason_required}.
     */
    record Refused(String reason, String field) implements UpdateResult {
    }

    /**
     * Not now, whatever the input: {@code service_request_transition_invalid} (the lifecycle has no such move
     * from where the request stands, a second resolve included), {@code service_request_closed} (a note on a
     * closed request), {@code refund_already_credited} (a request is credited once).
     */
    record Conflict(String reason) implements UpdateResult {
    }

    /**
     * Well-formed but the order does not allow it, naming the field: {@code refund_order_required} (the request
     * names no order), {@code refund_order_not_found}, {@code approved_amount_currency_mismatch},
     * {@code approved_amount_exceeds_creditable}.
     */
    record Unprocessable(String reason, String field) implements UpdateResult {
    }
}
