package com.cspdesk.adapters.web.ui.software;

import com.cspdesk.application.cancellation.port.in.CancellationPreview;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether one purchased line can still be cancelled, as the cancellation preview (the domain's
 * {@code CancellationPolicy}) decided it: the days left and the window's last instant, or why not.
 * The web layer only reads the decision; it never works out a window itself.
 *
 * @param open      Cancel leads somewhere: the line is cancellable now, or only through a customer support request
 * @param daysLeft  whole days left as the policy counts them (0 on the last day)
 * @param until     the window's last instant; null for lines that never had one
 * @param reason    the refusal code when not cancellable ({@code cancellation_window_passed}, {@code not_cancellable} …)
 */
public record CancelState(boolean open, long daysLeft, Instant until, String reason) {

    static final String WINDOW_PASSED = "cancellation_window_passed";

    public boolean windowPassed() {
        return !open && WINDOW_PASSED.equals(reason);
    }

    /** The state of one line of a previewed order, empty when the preview does not list it. */
    public static Optional<CancelState> of(CancellationPreview preview, int lineItemNumber) {
        return preview.lineItems().stream().filter(line -> line.lineItemNumber() == lineItemNumber).findFirst()
                .map(line -> {
                    String reason = line.reason().orElse(null);
                    boolean open = line.cancellable() || "support_request_required".equals(reason);
                    return new CancelState(open, line.daysRemaining(), line.windowEndsAt().orElse(null), reason);
                });
    }

    /** The state of a whole order (what its Cancel button leads to): the preview's first refusal, or open. */
    public static CancelState of(CancellationPreview preview) {
        boolean open = preview.cancellable() || preview.supportRequestRequired();
        return new CancelState(open, preview.daysRemaining(), preview.windowEndsAt().orElse(null),
                open ? null : preview.reason().orElse(null));
    }

    /**
     * The state of each active row, by row id; each order is previewed once. {@code previews} answers
     * empty when the caller may not preview (then the cards say nothing about the window).
     */
    public static Map<String, CancelState> of(List<SoftwareRows> rows,
                                              Function<String, Optional<CancellationPreview>> previews) {
        Map<String, Optional<CancellationPreview>> byOrder = new HashMap<>();
        Map<String, CancelState> states = new HashMap<>();
        for (SoftwareRows row : rows) {
            if (!row.active()) {
                continue;
            }
            byOrder.computeIfAbsent(row.orderId(), previews)
                    .flatMap(preview -> of(preview, row.lineItemNumber()))
                    .ifPresent(state -> states.put(row.id(), state));
        }
        return states;
    }
}
