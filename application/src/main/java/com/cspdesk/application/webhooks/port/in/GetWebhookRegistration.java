package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

/** Issue #15, Partner Center's webhook registration. Needs {@code MANAGE_WEBHOOKS}; never a customer's user. */
public interface GetWebhookRegistration {

    /** The partner's registration (never its secret). */
    Lookup<WebhookRegistrationView> get(Actor actor);
}
