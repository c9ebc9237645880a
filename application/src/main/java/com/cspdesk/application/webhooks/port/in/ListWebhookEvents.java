package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

import java.util.List;

/** Issue #15, Partner Center's webhook registration. Needs {@code MANAGE_WEBHOOKS}; never a customer's user. */
public interface ListWebhookEvents {

    /** Partner Center's availableEvents: every event a registration may name, by name. */
    Lookup<List<String>> availableEvents(Actor actor);
}
