package com.cspdesk.adapters.persistence.webhooks;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.out.EventOutbox.StoredEvent;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Deliveries in {@code webhook_delivery}, their attempts in {@code webhook_attempt}.
 *
 * <p>The claim is a {@code SELECT … FOR UPDATE SKIP LOCKED} of one delivery row alone, among candidates
 * read first without a lock (a join or subquery in the locking read would lock the registration's single
 * row too, and every instance would then skip every delivery but one), under READ COMMITTED so that
 * scanning the due index locks no gap an order placement inserts into. The row
 * stays locked while the caller attempts it; an instance that dies mid-attempt releases it with its
 * connection, and the delivery is due again for whichever instance claims it next.
 */
@StoredInDatabase
@Singleton
@Transactional
class WebhookDeliveriesJdbcAdapter implements WebhookDeliveries {

    private static final String PENDING = DeliveryStatus.PENDING.wireName();

    /** How many candidates one claim looks at: more than the deliveries instances can hold at once. */
    private static final int CANDIDATES = 32;
    /** Among how many of the oldest candidates a claimant starts. */
    private static final int SPREAD = 8;

    /**
     * The oldest due deliveries of the enabled registration (the partner's one, read first) that are first
     * of their key still pending, in the due index's order (V17), read without a lock: a locking read with
     * subqueries would lock the rows they read too (earlier deliveries of the key), and other instances
     * would skip them. {@code WebhookDeliveriesQueryPlansTest} keeps the plan free of a sort.
     */
    static final String CANDIDATES_DUE = "SELECT d.position FROM webhook_delivery d"
            + " WHERE d.registration_id = ? AND d.status = ? AND d.next_attempt_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.registration_id = d.registration_id"
            + " AND p.ordering_key = d.ordering_key AND p.ordering_seq < d.ordering_seq AND p.status = ?)"
            + " ORDER BY d.next_attempt_at, d.position LIMIT " + CANDIDATES;

    /**
     * A candidate, locked unless another instance holds it (then no row): one row by its key, so that
     * every database skips exactly the rows held (H2 applies a LIMIT before it skips).
     */
    private static final String CLAIM = "SELECT position, registration_id, event_id, attempts, first_attempt_at"
            + " FROM webhook_delivery WHERE position = ? AND status = ? AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED";

    private static final String LISTED = "SELECT d.position, d.event_id, d.status, d.attempts, d.next_attempt_at,"
            + " d.last_attempt_at, d.last_response_code, d.delivered_at, e.event_name, e.resource_uri, e.changed_at"
            + " FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id";

    private final JdbcOperations jdbc;

    WebhookDeliveriesJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void schedule(NewDelivery delivery) {
        JdbcRows.update(jdbc, "INSERT INTO webhook_delivery (registration_id, event_id, ordering_key, ordering_seq, status,"
                        + " attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?)", delivery.registrationId(),
                delivery.eventId(), delivery.orderingKey(), delivery.sequence(), PENDING, delivery.dueAt());
    }

    @Override
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int attemptDue(Instant now, int max, Function<DueDelivery, AttemptMade> attempt) {
        Optional<String> enabled = JdbcRows.one(jdbc, "SELECT id FROM webhook_registration WHERE disabled_at IS NULL",
                row -> row.getString(1));
        if (enabled.isEmpty() || max < 1) {
            return 0;
        }
        List<Long> candidates = JdbcRows.list(jdbc, CANDIDATES_DUE, row -> row.getLong(1), enabled.get(), PENDING, now, PENDING);
        // Claimants that read the same candidates at once would all try the first, then the second…: each
        // starts at a random one of the first few instead (and wraps), so most claims succeed at once while
        // the oldest due still go first.
        int start = candidates.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(Math.min(candidates.size(), SPREAD));
        int attempted = 0;
        for (int i = 0; i < candidates.size() && attempted < max; i++) {
            long position = candidates.get((start + i) % candidates.size());
            Optional<Claimed> claimed = JdbcRows.one(jdbc, CLAIM, row -> new Claimed(row.getLong("position"),
                    row.getString("registration_id"), row.getString("event_id"), row.getInt("attempts"),
                    JdbcRows.optionalInstant(row, "first_attempt_at")), position, PENDING, now);
            if (claimed.isEmpty()) {
                continue; // another instance holds it, or it is no longer due
            }
            attempted++;
            if (!attempt(claimed.get(), attempt)) {
                break;
            }
        }
        return attempted;
    }

    /** One claimed delivery attempted and stored: true when it was delivered. */
    private boolean attempt(Claimed delivery, Function<DueDelivery, AttemptMade> attempt) {
        // The event and where it goes, in one read (neither is locked: both only change by their owners' acts).
        Due due = JdbcRows.one(jdbc, "SELECT e.id, e.ordering_key, e.ordering_seq, e.event_name, e.resource_uri,"
                        + " e.resource_name, e.audit_uri, e.changed_at, r.url, r.sealed_secret, r.failing_since"
                        + " FROM webhook_event e JOIN webhook_registration r ON r.id = ? WHERE e.id = ?",
                row -> new Due(EventOutboxJdbcAdapter.stored(row), row.getString("url"), row.getString("sealed_secret"),
                        JdbcRows.optionalInstant(row, "failing_since")), delivery.registrationId(), delivery.eventId())
                .orElseThrow(() -> new IllegalStateException("the event or registration of delivery " + delivery.position()
                        + " vanished"));
        AttemptMade made = attempt.apply(new DueDelivery(delivery.registrationId(), due.url(), due.sealedSecret(),
                delivery.eventId(), due.event().change(), delivery.attempts(), delivery.firstAttemptAt(), due.failingSince()));
        store(delivery, made, due.failingSince().isPresent());
        return made.status() == DeliveryStatus.DELIVERED;
    }

    private void store(Claimed delivery, AttemptMade made, boolean wasFailing) {
        WebhookDeliveryView.Attempt attempt = made.attempt();
        Instant at = attempt.at();
        JdbcRows.update(jdbc, "UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?,"
                        + " first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?, last_response_code = ?,"
                        + " delivered_at = ? WHERE position = ?", made.status().wireName(), attempt.number(),
                made.nextAttemptAt().orElse(null), at, at, attempt.responseCode().orElse(null),
                made.status() == DeliveryStatus.DELIVERED ? at : null, delivery.position());
        JdbcRows.update(jdbc, "INSERT INTO webhook_attempt (delivery_position, number, attempted_at, response_code,"
                        + " latency_ms, failure, detail) VALUES (?, ?, ?, ?, ?, ?, ?)", delivery.position(), attempt.number(), at,
                attempt.responseCode().orElse(null), attempt.latencyMillis(), attempt.failure().orElse(null),
                attempt.detail().orElse(null));
        // Each written only when it changes something (as read with the claim, and again in the statement),
        // so the deliveries in flight at once rarely meet on the registration's row.
        switch (made.health()) {
            case SUCCEEDING -> {
                if (wasFailing) {
                    JdbcRows.update(jdbc, "UPDATE webhook_registration SET failing_since = NULL"
                            + " WHERE id = ? AND failing_since IS NOT NULL", delivery.registrationId());
                }
            }
            case FAILING -> {
                if (!wasFailing) {
                    JdbcRows.update(jdbc, "UPDATE webhook_registration SET failing_since = ?"
                            + " WHERE id = ? AND failing_since IS NULL", at, delivery.registrationId());
                }
            }
            case DISABLED -> JdbcRows.update(jdbc, "UPDATE webhook_registration SET disabled_at = ?,"
                    + " failing_since = COALESCE(failing_since, ?) WHERE id = ? AND disabled_at IS NULL", at, at,
                    delivery.registrationId());
        }
    }

    @Override
    public List<Listed> page(String registrationId, Optional<DeliveryStatus> status, Optional<Long> before, int limit) {
        StringBuilder sql = new StringBuilder(LISTED).append(" WHERE d.registration_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(registrationId));
        status.ifPresent(s -> {
            sql.append(" AND d.status = ?");
            parameters.add(s.wireName());
        });
        before.ifPresent(position -> {
            sql.append(" AND d.position < ?");
            parameters.add(position);
        });
        // A number, not a parameter: the limit is an int the caller bounds.
        sql.append(" ORDER BY d.position DESC LIMIT ").append(Math.max(1, limit));
        return JdbcRows.list(jdbc, sql.toString(), row -> new Listed(row.getLong("position"), view(row, List.of())),
                parameters.toArray());
    }

    @Override
    public long count(String registrationId, Optional<DeliveryStatus> status) {
        return status.isPresent()
                ? JdbcRows.count(jdbc, "SELECT COUNT(*) FROM webhook_delivery WHERE registration_id = ? AND status = ?",
                registrationId, status.get().wireName())
                : JdbcRows.count(jdbc, "SELECT COUNT(*) FROM webhook_delivery WHERE registration_id = ?", registrationId);
    }

    @Override
    public Optional<WebhookDeliveryView> find(String registrationId, String eventId) {
        return withAttempts(JdbcRows.one(jdbc, LISTED + " WHERE d.registration_id = ? AND d.event_id = ?",
                row -> new Listed(row.getLong("position"), view(row, List.of())), registrationId, eventId));
    }

    @Override
    public Optional<WebhookDeliveryView> findByOrderingKey(String registrationId, String orderingKey) {
        return withAttempts(JdbcRows.one(jdbc, LISTED + " WHERE d.registration_id = ? AND d.ordering_key = ?"
                        + " ORDER BY d.ordering_seq DESC LIMIT 1", row -> new Listed(row.getLong("position"), view(row, List.of())),
                registrationId, orderingKey));
    }

    @Override
    public boolean redeliver(String registrationId, String eventId, Instant now) {
        return JdbcRows.update(jdbc, "UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, first_attempt_at = NULL,"
                + " delivered_at = NULL WHERE registration_id = ? AND event_id = ?", PENDING, now, registrationId, eventId) > 0;
    }

    @Override
    public int forgetSettledBefore(Instant before, int limit) {
        int bound = Math.max(1, limit);
        // Positions and ids first, then deleted by key: a bounded delete that reads the same on MariaDB and H2.
        List<Long> settled = JdbcRows.list(jdbc, "SELECT position FROM webhook_delivery WHERE status IN (?, ?)"
                        + " AND last_attempt_at < ? LIMIT " + bound, row -> row.getLong(1),
                DeliveryStatus.DELIVERED.wireName(), DeliveryStatus.FAILED.wireName(), before);
        int forgotten = 0;
        if (!settled.isEmpty()) {
            // The attempts go with their delivery (ON DELETE CASCADE).
            forgotten += JdbcRows.update(jdbc, "DELETE FROM webhook_delivery WHERE position IN ("
                    + placeholders(settled.size()) + ")", settled.toArray());
        }
        List<String> unneeded = JdbcRows.list(jdbc, "SELECT e.id FROM webhook_event e WHERE e.changed_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id) LIMIT " + bound,
                row -> row.getString(1), before);
        if (!unneeded.isEmpty()) {
            forgotten += JdbcRows.update(jdbc, "DELETE FROM webhook_event WHERE id IN (" + placeholders(unneeded.size()) + ")",
                    unneeded.toArray());
        }
        return forgotten;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private Optional<WebhookDeliveryView> withAttempts(Optional<Listed> listed) {
        return listed.map(found -> {
            List<WebhookDeliveryView.Attempt> attempts = JdbcRows.list(jdbc, "SELECT number, attempted_at, response_code,"
                            + " latency_ms, failure, detail FROM webhook_attempt WHERE delivery_position = ? ORDER BY number",
                    row -> new WebhookDeliveryView.Attempt(row.getInt("number"), JdbcRows.instant(row, "attempted_at"),
                            Optional.ofNullable((Integer) row.getObject("response_code", Integer.class)),
                            row.getLong("latency_ms"), Optional.ofNullable(row.getString("failure")),
                            Optional.ofNullable(row.getString("detail"))), found.position());
            WebhookDeliveryView d = found.delivery();
            return new WebhookDeliveryView(d.id(), d.eventName(), d.resourceUri(), d.resourceChangedAt(), d.status(),
                    d.attemptCount(), d.lastAttemptAt(), d.lastResponseCode(), d.nextAttemptAt(), d.deliveredAt(), attempts);
        });
    }

    private static WebhookDeliveryView view(ResultSet row, List<WebhookDeliveryView.Attempt> attempts) throws SQLException {
        String status = row.getString("status");
        DeliveryStatus deliveryStatus = DeliveryStatus.ofWireName(status)
                .orElseThrow(() -> new IllegalStateException("a webhook delivery of unknown status " + status));
        return new WebhookDeliveryView(row.getString("event_id"), row.getString("event_name"), row.getString("resource_uri"),
                JdbcRows.instant(row, "changed_at"), deliveryStatus, row.getInt("attempts"),
                JdbcRows.optionalInstant(row, "last_attempt_at"),
                Optional.ofNullable((Integer) row.getObject("last_response_code", Integer.class)),
                deliveryStatus == DeliveryStatus.PENDING ? JdbcRows.optionalInstant(row, "next_attempt_at")
                        : Optional.empty(),
                JdbcRows.optionalInstant(row, "delivered_at"), attempts);
    }

    private record Claimed(long position, String registrationId, String eventId, int attempts,
                           Optional<Instant> firstAttemptAt) {
    }

    private record Due(StoredEvent event, String url, String sealedSecret, Optional<Instant> failingSince) {
        @Override
        public String toString() {
            return "Due[event=" + event.id() + ", sealedSecret=***]";
        }
    }
}
