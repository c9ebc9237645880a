package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.domain.access.Actor;

/** Issue #15, Partner Center's webhook registration. Needs {@code MANAGE_WEBHOOKS}; never a customer's user. */
public interface RotateWebhookSecret {

    /** Makes the registration a new signing secret, answered once; the old one signs no more. */
    WebhookChange rotate(Actor actor);
}
