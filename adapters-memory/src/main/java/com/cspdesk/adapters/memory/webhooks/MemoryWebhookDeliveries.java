package com.cspdesk.adapters.memory.webhooks;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.out.EventOutbox.StoredEvent;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Deliveries in one process. A claim is the delivery's position in a set of claimed ones, taken and
 * released around the attempt, so the attempt (a network call) runs outside the store's unit of work
 * and other work goes on meanwhile; the database adapter's row lock does this across processes. The
 * deliveries of a registration removed stay behind unseen (every read names the registration's id),
 * where the database's cascade removes them.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryWebhookDeliveries implements WebhookDeliveries {

    private final MemoryTransactions transactions;
    private final MemoryEventOutbox outbox;
    private final MemoryWebhookRegistrations registrations;
    /** By position, in scheduling order. */
    private final Map<Long, Stored> deliveries = new LinkedHashMap<>();
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    private long lastPosition;

    MemoryWebhookDeliveries(MemoryTransactions transactions, MemoryEventOutbox outbox,
                            MemoryWebhookRegistrations registrations) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.registrations = registrations;
    }

    @Override
    public void schedule(NewDelivery delivery) {
        transactions.inTransaction(() -> {
            long position = lastPosition + 1;
            Stored stored = new Stored(position, delivery.registrationId(), delivery.eventId(), delivery.orderingKey(),
                    delivery.sequence(), DeliveryStatus.PENDING, 0, Optional.of(delivery.dueAt()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of());
            return transactions.change(() -> {
                lastPosition = position;
                return deliveries.put(position, stored);
            }, () -> {
                deliveries.remove(position);
                lastPosition = position - 1;
            });
        });
    }

    @Override
    public int attemptDue(Instant now, int max, Function<DueDelivery, AttemptMade> attempt) {
        int attempted = 0;
        while (attempted < max) {
            Optional<DeliveryStatus> outcome = attemptOne(now, attempt);
            if (outcome.isEmpty()) {
                break;
            }
            attempted++;
            if (outcome.get() != DeliveryStatus.DELIVERED) {
                break; // as the database's batch: a failing receiver holds one claim at a time
            }
        }
        return attempted;
    }

    /** One due delivery claimed, attempted and stored: what it came to; empty when none was due. */
    private Optional<DeliveryStatus> attemptOne(Instant now, Function<DueDelivery, AttemptMade> attempt) {
        Optional<Due> due = transactions.inTransaction(() -> claim(now));
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Stored delivery = due.get().delivery();
        try {
            AttemptMade made = attempt.apply(due.get().toAttempt());
            transactions.inTransaction(() -> {
                store(delivery.position(), made);
                return null;
            });
            return Optional.of(made.status());
        } finally {
            claimed.remove(delivery.position());
        }
    }

    private Optional<Due> claim(Instant now) {
        Optional<WebhookRegistration> registration = registrations.find().filter(r -> r.health().enabled());
        if (registration.isEmpty()) {
            return Optional.empty();
        }
        String registrationId = registration.get().id();
        return deliveries.values().stream()
                .filter(d -> d.registrationId().equals(registrationId) && d.status() == DeliveryStatus.PENDING)
                .filter(d -> !d.nextAttemptAt().orElseThrow().isAfter(now))
                .filter(d -> !claimed.contains(d.position()))
                .filter(d -> deliveries.values().stream().noneMatch(earlier -> earlier.registrationId().equals(registrationId)
                        && earlier.orderingKey().equals(d.orderingKey()) && earlier.sequence() < d.sequence()
                        && earlier.status() == DeliveryStatus.PENDING))
                .min(Comparator.comparing((Stored d) -> d.nextAttemptAt().orElseThrow()).thenComparingLong(Stored::position))
                .filter(d -> claimed.add(d.position()))
                .map(d -> new Due(d, registration.get(), outbox.find(d.eventId()).orElseThrow(
                        () -> new IllegalStateException("the event of delivery " + d.position() + " vanished"))));
    }

    private void store(long position, AttemptMade made) {
        Stored before = deliveries.get(position);
        if (before == null) {
            return; // the registration was removed meanwhile, and its deliveries with it
        }
        WebhookDeliveryView.Attempt attempt = made.attempt();
        List<WebhookDeliveryView.Attempt> attempts = new ArrayList<>(before.attemptLog());
        attempts.add(attempt);
        Stored after = new Stored(position, before.registrationId(), before.eventId(), before.orderingKey(), before.sequence(),
                made.status(), attempt.number(), made.nextAttemptAt(), Optional.of(before.firstAttemptAt().orElse(attempt.at())),
                Optional.of(attempt.at()), attempt.responseCode(),
                made.status() == DeliveryStatus.DELIVERED ? Optional.of(attempt.at()) : Optional.empty(), List.copyOf(attempts));
        transactions.change(() -> deliveries.put(position, after), () -> deliveries.put(position, before));
        Instant at = attempt.at();
        registrations.changeHealth(before.registrationId(), health -> {
            switch (made.health()) {
                case SUCCEEDING:
                    return new WebhookRegistration.Health(Optional.empty(), health.disabledAt());
                case FAILING:
                    return new WebhookRegistration.Health(Optional.of(health.failingSince().orElse(at)), health.disabledAt());
                default:
                    return new WebhookRegistration.Health(Optional.of(health.failingSince().orElse(at)),
                            Optional.of(health.disabledAt().orElse(at)));
            }
        });
    }

    @Override
    public List<Listed> page(String registrationId, Optional<DeliveryStatus> status, Optional<Long> before, int limit) {
        return transactions.read(() -> deliveries.values().stream()
                .filter(d -> d.registrationId().equals(registrationId))
                .filter(d -> status.map(s -> d.status() == s).orElse(true))
                .filter(d -> before.map(p -> d.position() < p).orElse(true))
                .sorted(Comparator.comparingLong(Stored::position).reversed())
                .limit(Math.max(1, limit))
                .map(d -> new Listed(d.position(), view(d, false)))
                .toList());
    }

    @Override
    public long count(String registrationId, Optional<DeliveryStatus> status) {
        return transactions.read(() -> deliveries.values().stream()
                .filter(d -> d.registrationId().equals(registrationId))
                .filter(d -> status.map(s -> d.status() == s).orElse(true)).count());
    }

    @Override
    public Optional<WebhookDeliveryView> find(String registrationId, String eventId) {
        return transactions.read(() -> deliveries.values().stream()
                .filter(d -> d.registrationId().equals(registrationId) && d.eventId().equals(eventId))
                .findFirst().map(d -> view(d, true)));
    }

    @Override
    public Optional<WebhookDeliveryView> findByOrderingKey(String registrationId, String orderingKey) {
        return transactions.read(() -> deliveries.values().stream()
                .filter(d -> d.registrationId().equals(registrationId) && d.orderingKey().equals(orderingKey))
                .max(Comparator.comparingLong(Stored::sequence)).map(d -> view(d, true)));
    }

    @Override
    public boolean redeliver(String registrationId, String eventId, Instant now) {
        return transactions.inTransaction(() -> {
            Optional<Stored> found = deliveries.values().stream()
                    .filter(d -> d.registrationId().equals(registrationId) && d.eventId().equals(eventId)).findFirst();
            if (found.isEmpty()) {
                return false;
            }
            Stored before = found.get();
            Stored after = new Stored(before.position(), before.registrationId(), before.eventId(), before.orderingKey(),
                    before.sequence(), DeliveryStatus.PENDING, before.attempts(), Optional.of(now), Optional.empty(),
                    before.lastAttemptAt(), before.lastResponseCode(), Optional.empty(), before.attemptLog());
            return transactions.change(() -> deliveries.put(before.position(), after) != null,
                    () -> deliveries.put(before.position(), before));
        });
    }

    @Override
    public int forgetSettledBefore(Instant before, int limit) {
        return transactions.inTransaction(() -> {
            List<Stored> settled = deliveries.values().stream()
                    .filter(d -> d.status() != DeliveryStatus.PENDING)
                    .filter(d -> d.lastAttemptAt().map(at -> at.isBefore(before)).orElse(false))
                    .limit(Math.max(1, limit)).toList();
            transactions.change(() -> {
                settled.forEach(d -> deliveries.remove(d.position()));
                return null;
            }, () -> settled.forEach(d -> deliveries.put(d.position(), d)));
            java.util.Set<String> needed = new java.util.HashSet<>();
            deliveries.values().forEach(d -> needed.add(d.eventId()));
            return settled.size() + outbox.forgetBefore(before, needed, Math.max(1, limit));
        });
    }

    private WebhookDeliveryView view(Stored d, boolean withAttempts) {
        StoredEvent event = outbox.find(d.eventId()).orElseThrow();
        return new WebhookDeliveryView(d.eventId(), event.change().event().wireName(), event.change().resourceUri(),
                event.change().changedAt(), d.status(), d.attempts(), d.lastAttemptAt(), d.lastResponseCode(),
                d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : Optional.empty(), d.deliveredAt(),
                withAttempts ? d.attemptLog() : List.of());
    }

    private record Stored(long position, String registrationId, String eventId, String orderingKey, long sequence,
                          DeliveryStatus status, int attempts, Optional<Instant> nextAttemptAt,
                          Optional<Instant> firstAttemptAt, Optional<Instant> lastAttemptAt,
                          Optional<Integer> lastResponseCode, Optional<Instant> deliveredAt,
                          List<WebhookDeliveryView.Attempt> attemptLog) {
    }

    private record Due(Stored delivery, WebhookRegistration registration, StoredEvent event) {
        DueDelivery toAttempt() {
            return new DueDelivery(registration.id(), registration.url(), registration.sealedSecret(), delivery.eventId(),
                    event.change(), delivery.attempts(), delivery.firstAttemptAt(), registration.health().failingSince());
        }
    }
}
