/**
 * Issue #16 "Subscriptions with a term": reading a customer's subscriptions, switching auto-renew,
 * cancelling a renewal ({@link com.cspdesk.application.subscriptions.SubscriptionManagement}) and the
 * renewal job ({@link com.cspdesk.application.subscriptions.SubscriptionRenewals}).
 */
package com.cspdesk.application.subscriptions;
