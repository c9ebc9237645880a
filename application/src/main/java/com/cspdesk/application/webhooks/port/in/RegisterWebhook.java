package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.List;

/** Issue #15, Partner Center's webhook registration. Needs {@code MANAGE_WEBHOOKS}; never a customer's user. */
public interface RegisterWebhook {

    /** Registers the partner's webhook (none yet): checks where it points and who may name the events; answers the new signing secret once. */
    WebhookChange register(String url, List<String> events, Actor actor);
}
