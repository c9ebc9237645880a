/**
 * Issue #16 "Subscriptions with a term": a Windows Server or SQL Server subscription (an order line of
 * contract type subscription) with its current term ({@link com.cspdesk.domain.subscription.Subscription}),
 * what happens at the term's end ({@link com.cspdesk.domain.subscription.RenewalPolicy}: renewed with
 * auto-renew, expired without) and whether a renewal may still be cancelled, for what credit
 * ({@link com.cspdesk.domain.subscription.RenewalCancellationPolicy}, the purchase's cancellation rule applied
 * to the renewal). Azure reservations and software plans are not subscriptions here.
 * Depends on {@code catalog}, {@code money} and {@code cancellation}.
 */
package com.cspdesk.domain.subscription;
