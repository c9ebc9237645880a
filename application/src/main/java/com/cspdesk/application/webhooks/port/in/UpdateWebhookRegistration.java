package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.List;

/** Issue #15, Partner Center's webhook registration. Needs {@code MANAGE_WEBHOOKS}; never a customer's user. */
public interface UpdateWebhookRegistration {

    /** Replaces the registration's URL and events (checked as on registration); the secret stays. */
    WebhookChange update(String url, List<String> events, Actor actor);
}
