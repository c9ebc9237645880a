package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.port.in.ReadWebhookDeliveries;
import com.cspdesk.application.webhooks.port.in.RedeliverWebhook;
import com.cspdesk.application.webhooks.port.in.TestWebhook;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.cspdesk.domain.webhooks.ResourceChanges;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The registration's delivery log, its "redeliver" action and its test events (issue #15 items 1 and
 * 4), for whoever may manage the registration ({@link WebhookSubscriptionPolicy#refusalToManage}). A
 * test is an act like any other: recorded on the activity log, whose record raises {@code test-created}
 * in the same transaction, so it is delivered (signed, retried, logged) as every event is.
 */
public final class WebhookDeliveryLog implements ReadWebhookDeliveries, RedeliverWebhook, TestWebhook {

    static final String DELIVERY_NOT_FOUND = "webhook_delivery_not_found";
    private static final String TOKEN_KIND = "webhook-deliveries";

    private final WebhookRegistrations registrations;
    private final WebhookDeliveries deliveries;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;

    public WebhookDeliveryLog(WebhookRegistrations registrations, WebhookDeliveries deliveries, ActivityLog activityLog,
                              Transactions transactions, Clock clock) {
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Lookup<Page<WebhookDeliveryView>> deliveries(Optional<DeliveryStatus> status, PageRequest page, Actor actor) {
        if (WebhookSubscriptionPolicy.refusalToManage(actor).isPresent()) {
            return Lookup.notPermitted(Permission.MANAGE_WEBHOOKS);
        }
        Optional<WebhookRegistration> registration = registrations.find();
        if (registration.isEmpty()) {
            return Lookup.notFound(WebhookRegistering.NOT_FOUND);
        }
        String id = registration.get().id();
        Optional<Long> before = page.continuationToken().map(WebhookDeliveryLog::position);
        // One more than asked: whether a next page exists, without a second query.
        List<WebhookDeliveries.Listed> listed = deliveries.page(id, status, before, page.size() + 1);
        boolean more = listed.size() > page.size();
        List<WebhookDeliveries.Listed> shown = more ? listed.subList(0, page.size()) : listed;
        Optional<String> next = more ? Optional.of(ContinuationTokens.encode(TOKEN_KIND,
                Long.toString(shown.get(shown.size() - 1).position()))) : Optional.empty();
        return Lookup.found(new Page<>(shown.stream().map(WebhookDeliveries.Listed::delivery).toList(),
                deliveries.count(id, status), next));
    }

    @Override
    public Lookup<WebhookDeliveryView> delivery(String id, Actor actor) {
        return withRegistration(actor, registration -> Lookup.of(deliveries.find(registration.id(), id), DELIVERY_NOT_FOUND));
    }

    @Override
    public Lookup<WebhookDeliveryView> redeliver(String id, Actor actor) {
        return withRegistration(actor, registration -> transactions.inTransaction(() -> {
            Instant now = now();
            if (!deliveries.redeliver(registration.id(), id, now)) {
                return Lookup.<WebhookDeliveryView>notFound(DELIVERY_NOT_FOUND);
            }
            activityLog.append(AdminActs.by(actor, now, Operation.REDELIVER_WEBHOOK.kind(),
                    Resource.WEBHOOK_REGISTRATION.kind(), registration.id(), Map.of("webhookId", id)));
            return Lookup.of(deliveries.find(registration.id(), id), DELIVERY_NOT_FOUND);
        }));
    }

    @Override
    public Lookup<String> sendTest(Actor actor) {
        return withRegistration(actor, registration -> {
            String correlationId = UUID.randomUUID().toString();
            activityLog.append(AdminActs.by(actor, now(), Operation.SEND_WEBHOOK_TEST.kind(),
                    Resource.WEBHOOK_REGISTRATION.kind(), registration.id(), Map.of(ResourceChanges.CORRELATION_ID, correlationId)));
            return Lookup.found(correlationId);
        });
    }

    @Override
    public Lookup<WebhookDeliveryView> test(String correlationId, Actor actor) {
        return withRegistration(actor, registration -> Lookup.of(deliveries.findByOrderingKey(registration.id(),
                "/webhooks/v1/registration/validationEvents/" + correlationId), DELIVERY_NOT_FOUND));
    }

    private <T> Lookup<T> withRegistration(Actor actor, java.util.function.Function<WebhookRegistration, Lookup<T>> then) {
        if (WebhookSubscriptionPolicy.refusalToManage(actor).isPresent()) {
            return Lookup.notPermitted(Permission.MANAGE_WEBHOOKS);
        }
        return registrations.find().map(then).orElseGet(() -> Lookup.notFound(WebhookRegistering.NOT_FOUND));
    }

    private static long position(String token) {
        try {
            return Long.parseLong(ContinuationTokens.decode(TOKEN_KIND, 1, token).get(0));
        } catch (NumberFormatException e) {
            throw new InvalidContinuationToken();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
