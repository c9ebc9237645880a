/**
 * The order aggregate and its lifecycle: {@link com.cspdesk.domain.order.Order} (pending, completed,
 * cancelled) and its lines ({@link com.cspdesk.domain.order.ActiveLine},
 * {@link com.cspdesk.domain.order.CancelledLine}). Transitions return an
 * {@link com.cspdesk.domain.order.OrderChange}: applied, or refused with a reason. Spec "Cancel a purchase"
 * and "Post-cancellation details". {@link com.cspdesk.domain.order.OrderPlacementPolicy} decides whether a
 * requested order may be placed (spec "Buy software subscriptions on behalf of customers").
 * Depends on {@code cancellation}, {@code catalog}, {@code market}, {@code money}, {@code reservation}.
 */
package com.cspdesk.domain.order;
