/**
 * Spec "Cancel a purchase" and "Post-cancellation details": whether a purchase may be cancelled now
 * ({@link com.cspdesk.domain.cancellation.CancellationPolicy}), within which window
 * ({@link com.cspdesk.domain.cancellation.CancellationWindows}), for what credit
 * ({@link com.cspdesk.domain.cancellation.CancellationCredit}), and when a customer support request is
 * needed instead ({@link com.cspdesk.domain.cancellation.ReservationRefundLimit}); who must acknowledge
 * the consequences first ({@link com.cspdesk.domain.cancellation.Acknowledgement}).
 * Depends on {@code catalog} and {@code money}.
 */
package com.cspdesk.domain.cancellation;
