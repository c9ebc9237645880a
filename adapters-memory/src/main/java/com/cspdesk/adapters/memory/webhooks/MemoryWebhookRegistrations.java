package com.cspdesk.adapters.memory.webhooks;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.webhooks.WebhookEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The partner's one registration, replaced whole on a change (records are immutable), inside the store's units of work. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryWebhookRegistrations implements WebhookRegistrations {

    private final MemoryTransactions transactions;
    private WebhookRegistration registration;

    MemoryWebhookRegistrations(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<WebhookRegistration> find() {
        return transactions.read(() -> Optional.ofNullable(registration));
    }

    @Override
    public boolean add(WebhookRegistration added) {
        return transactions.inTransaction(() -> registration == null
                && transactions.change(() -> set(added) == null, () -> set(null)));
    }

    @Override
    public boolean update(String id, String url, Set<WebhookEvent> events, Instant at) {
        return replace(id, before -> new WebhookRegistration(id, url, events, before.sealedSecret(), before.createdAt(),
                before.createdBy(), at));
    }

    @Override
    public boolean replaceSecret(String id, String sealedSecret, Instant at) {
        return replace(id, before -> new WebhookRegistration(id, before.url(), before.events(), sealedSecret, before.createdAt(),
                before.createdBy(), at, before.health()));
    }

    /** What an attempt makes of the registration's health (the deliveries' side of the one registration). */
    boolean changeHealth(String id, UnaryOperator<WebhookRegistration.Health> change) {
        return replace(id, before -> new WebhookRegistration(id, before.url(), before.events(), before.sealedSecret(),
                before.createdAt(), before.createdBy(), before.updatedAt(), change.apply(before.health())));
    }

    @Override
    public boolean remove(String id) {
        return replace(id, before -> null);
    }

    /** Puts what {@code change} makes of the registration with that id (null removes it); false when there is none. */
    private boolean replace(String id, UnaryOperator<WebhookRegistration> change) {
        return transactions.inTransaction(() -> {
            WebhookRegistration before = registration;
            if (before == null || !before.id().equals(id)) {
                return false;
            }
            WebhookRegistration after = change.apply(before);
            return transactions.change(() -> set(after) == before, () -> set(before));
        });
    }

    /** Sets the registration, answering the one before. */
    private WebhookRegistration set(WebhookRegistration next) {
        WebhookRegistration before = registration;
        registration = next;
        return before;
    }
}
