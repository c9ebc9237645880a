package com.cspdesk.application.webhooks.port.out;

import com.cspdesk.domain.webhooks.WebhookEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The partner's webhook registration: at most one, as in Partner Center. */
public interface WebhookRegistrations {

    /** The registration, if the partner has one. */
    Optional<WebhookRegistration> find();

    /** Stores the registration; false (and nothing stored) when the partner already has one. */
    boolean add(WebhookRegistration registration);

    /**
     * Sets where and which events, and makes the registration healthy again (a registration switched off
     * for failing is switched on by its owner's change); false when there is no registration with that id.
     */
    boolean update(String id, String url, Set<WebhookEvent> events, Instant at);

    /** Replaces the sealed secret; false when there is no registration with that id. */
    boolean replaceSecret(String id, String sealedSecret, Instant at);

    /** Removes the registration; false when there is none with that id. */
    boolean remove(String id);
}
