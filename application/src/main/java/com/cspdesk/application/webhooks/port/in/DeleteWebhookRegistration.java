package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.domain.access.Actor;

/** Issue #15, Partner Center's webhook registration. Needs {@code MANAGE_WEBHOOKS}; never a customer's user. */
public interface DeleteWebhookRegistration {

    /** Removes the partner's registration. */
    DeleteWebhookRegistration.Outcome delete(Actor actor);

    enum Outcome {
        DELETED, NOT_FOUND, NOT_PERMITTED
    }
}
