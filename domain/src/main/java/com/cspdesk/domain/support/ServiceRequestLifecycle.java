package com.cspdesk.domain.support;

import java.util.EnumSet;
import java.util.Set;

import static com.cspdesk.domain.support.ServiceRequestStatus.ATTENTION_NEEDED;
import static com.cspdesk.domain.support.ServiceRequestStatus.CLOSED;
import static com.cspdesk.domain.support.ServiceRequestStatus.IN_PROGRESS;
import static com.cspdesk.domain.support.ServiceRequestStatus.OPEN;
import static com.cspdesk.domain.support.ServiceRequestStatus.RESOLVED;

/**
 * How a customer support request moves from one status to the next, and which side may move it.
 *
 * <ul>
 *   <li>{@code closed} is final: nothing moves a closed request, and nobody writes on it any more.</li>
 *   <li>While the request is worked on ({@code open}, {@code in_progress}, {@code attention_needed}) support
 *       staff may move it to any other status: take it ({@code in_progress}), ask the partner something
 *       ({@code attention_needed}), put it back ({@code open}), answer it ({@code resolved}) or close it.</li>
 *   <li>A {@code resolved} request may be reopened ({@code open}) by either side — the partner disagrees
 *       with a decline, support corrects itself; a credit already given stays given once — or closed.</li>
 *   <li>The partner may withdraw its request (close it) at any time before it is closed, answer support's
 *       question ({@code attention_needed} back to {@code open}) and reopen a resolved one; taking,
 *       asking, parking and resolving are support's. Partner Center lets the partner set {@code open},
 *       {@code attention_needed} and {@code closed}; the desk keeps {@code attention_needed} for the side
 *       that needs the partner's attention.</li>
 * </ul>
 * A status to itself is no move. Writing a note is allowed in every status but {@code closed}.
 */
public final class ServiceRequestLifecycle {

    /** Who moves the request: the partner that filed it, or the staff who handle requests. */
    public enum Side {
        PARTNER("partner"),
        SUPPORT("support");

        private final String code;

        Side(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What a move from one status to another is. */
    public enum Verdict {
        /** The move may be made by this side. */
        ALLOWED,
        /** The move exists, but only the other side (support staff) may make it. */
        NOT_THIS_SIDE,
        /** No side may make it: the request is closed, the status is the same, or the lifecycle has no such step. */
        NO_SUCH_MOVE
    }

    private ServiceRequestLifecycle() {
    }

    /** Whether {@code side} may move a request from {@code from} to {@code to}. */
    public static Verdict move(ServiceRequestStatus from, ServiceRequestStatus to, Side side) {
        if (!moves(from).contains(to)) {
            return Verdict.NO_SUCH_MOVE;
        }
        if (side == Side.SUPPORT || partnerMoves(from).contains(to)) {
            return Verdict.ALLOWED;
        }
        return Verdict.NOT_THIS_SIDE;
    }

    /** Whether notes may still be written on a request in this status (anything but closed). */
    public static boolean takesNotes(ServiceRequestStatus status) {
        return status != CLOSED;
    }

    /** Every status a request in {@code from} can go to, by anyone. */
    static Set<ServiceRequestStatus> moves(ServiceRequestStatus from) {
        return switch (from) {
            case OPEN -> EnumSet.of(IN_PROGRESS, ATTENTION_NEEDED, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(OPEN, ATTENTION_NEEDED, RESOLVED, CLOSED);
            case ATTENTION_NEEDED -> EnumSet.of(OPEN, IN_PROGRESS, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(ServiceRequestStatus.class);
        };
    }

    /** The partner's own moves: withdraw (close), answer a question, reopen a resolved request. */
    static Set<ServiceRequestStatus> partnerMoves(ServiceRequestStatus from) {
        return switch (from) {
            case OPEN, IN_PROGRESS -> EnumSet.of(CLOSED);
            case ATTENTION_NEEDED, RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(ServiceRequestStatus.class);
        };
    }
}
