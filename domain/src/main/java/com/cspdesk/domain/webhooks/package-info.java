/**
 * Issue #15, signed webhooks: the events the partner's systems may subscribe to
 * ({@link com.cspdesk.domain.webhooks.WebhookEvent}), and which recorded act raises which, pointing at
 * what changed ({@link com.cspdesk.domain.webhooks.ResourceChanges}) — a pointer, never the data.
 */
package com.cspdesk.domain.webhooks;
