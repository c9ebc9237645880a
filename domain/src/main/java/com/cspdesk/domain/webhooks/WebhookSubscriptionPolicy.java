package com.cspdesk.domain.webhooks;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.util.Optional;
import java.util.Set;

/**
 * Who may register for which events (issue #15: "the same roles as for reading what the event is
 * about"): the partner's users and applications holding {@link Permission#MANAGE_WEBHOOKS}, for the
 * events whose {@link WebhookEvent#permission()} they hold too. A customer's user never registers: the
 * registration is the partner's and its events cover every customer.
 */
public final class WebhookSubscriptionPolicy {

    private WebhookSubscriptionPolicy() {
    }

    /** Why the actor may not subscribe to these events, or empty when it may. */
    public static Optional<Refusal> refusalOf(Actor actor, Set<WebhookEvent> events) {
        Optional<Refusal> manage = refusalToManage(actor);
        if (manage.isPresent()) {
            return manage;
        }
        if (events.isEmpty()) {
            return Optional.of(new NoEvents());
        }
        // In the list's order, so the refusal names the same event every time.
        for (WebhookEvent event : WebhookEvent.values()) {
            if (events.contains(event) && !actor.may(event.permission())) {
                return Optional.of(new EventNotPermitted(event));
            }
        }
        return Optional.empty();
    }

    /** Why the actor may not read or change the registration at all, or empty when it may. */
    /**
     * Whether a registration naming {@code subscribed} is sent {@code event}: the events it names, and
     * always {@code test-created}, which only its own test raises (Partner Center sends it unasked too).
     */
    public static boolean receives(Set<WebhookEvent> subscribed, WebhookEvent event) {
        return event == WebhookEvent.TEST_CREATED || subscribed.contains(event);
    }

    public static Optional<Refusal> refusalToManage(Actor actor) {
        if (actor.isCustomer()) {
            return Optional.of(new CustomerUser());
        }
        if (!actor.may(Permission.MANAGE_WEBHOOKS)) {
            return Optional.of(new NotPermitted(Permission.MANAGE_WEBHOOKS));
        }
        return Optional.empty();
    }

    public sealed interface Refusal {
    }

    /** A customer's user: the registration is the partner's. */
    public record CustomerUser() implements Refusal {
    }

    /** The actor lacks the permission of managing the registration. */
    public record NotPermitted(Permission permission) implements Refusal {
    }

    /** A registration names at least one event. */
    public record NoEvents() implements Refusal {
    }

    /** The actor may not read what this event is about, so may not subscribe to it. */
    public record EventNotPermitted(WebhookEvent event) implements Refusal {
    }
}
