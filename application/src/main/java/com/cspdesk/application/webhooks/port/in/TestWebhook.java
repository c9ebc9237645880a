package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

/**
 * Partner Center's validation events: {@link #sendTest} raises {@code test-created} for the registration
 * (delivered as any event, signed and retried) and answers its correlation id; {@link #test} tells
 * whether it was delivered.
 */
public interface TestWebhook {

    /** The correlation id of the test event raised; not found when there is no registration. */
    Lookup<String> sendTest(Actor actor);

    /** The test's delivery, by its correlation id. */
    Lookup<WebhookDeliveryView> test(String correlationId, Actor actor);
}
