package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.adapters.web.security.OpenSessions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.context.ApplicationContext;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.CompleteSignIn;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.webhooks.port.in.DeleteWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.GetWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.ListWebhookEvents;
import com.cspdesk.application.webhooks.port.in.ReadWebhookDeliveries;
import com.cspdesk.application.webhooks.port.in.RedeliverWebhook;
import com.cspdesk.application.webhooks.port.in.RegisterWebhook;
import com.cspdesk.application.webhooks.port.in.RotateWebhookSecret;
import com.cspdesk.application.webhooks.port.in.TestWebhook;
import com.cspdesk.application.webhooks.port.in.UpdateWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.WebhookChange;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook use cases for web tests ({@value #PROPERTY}={@code stub}): one registration held in memory,
 * a delivery log the test fills, and a switch that makes every use case answer "not permitted" (the
 * core's own refusal, as the routes' rule would have let the caller pass). The rules themselves are the
 * core's and tested there; here only what the web layer makes of the answers.
 */
@Singleton
@Requires(property = StubWebhooks.PROPERTY, value = "stub")
public class StubWebhooks implements GetWebhookRegistration, ListWebhookEvents, RegisterWebhook, UpdateWebhookRegistration,
        DeleteWebhookRegistration, RotateWebhookSecret, TestWebhook, ReadWebhookDeliveries, RedeliverWebhook {

    /** The web layer alone, with these stubs behind the webhook use cases and sessions open to any signed token. */
    static EmbeddedServer webLayer() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                PROPERTY, "stub",
                OpenSessions.PROPERTY, "open",
                "micronaut.server.port", -1,
                "micronaut.security.reject-not-found", false,
                "micronaut.views.folder", "views",
                "cspdesk.security.jwt-secret", "a-test-secret-that-is-at-least-32-bytes-long"));
    }


    public static final String PROPERTY = "test.webhooks";
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final String SECRET = "whsec_c3R1Yi1zZWNyZXQtZm9yLXdlYi10ZXN0cy0wMTIzNDU2Nzg5";
    static final String NOT_FOUND = "webhook_delivery_not_found";
    static final String NO_REGISTRATION = "webhook_registration_not_found";

    volatile boolean refuse;
    volatile WebhookRegistrationView registration;
    /** Newest first, as the log is read. */
    final List<WebhookDeliveryView> deliveries = new CopyOnWriteArrayList<>();
    final Map<String, String> tests = new ConcurrentHashMap<>();
    final List<String> redelivered = new CopyOnWriteArrayList<>();
    volatile Optional<DeliveryStatus> lastStatus = Optional.empty();
    volatile PageRequest lastPage;

    void reset() {
        refuse = false;
        registration = null;
        deliveries.clear();
        tests.clear();
        redelivered.clear();
        lastStatus = Optional.empty();
        lastPage = null;
    }

    static WebhookRegistrationView registration(String url, List<String> events) {
        return new WebhookRegistrationView("sub-1", url, events, T0, "admin.agent@partner.test", T0, Optional.empty(), Optional.empty());
    }

    static WebhookDeliveryView delivery(String id, String event, DeliveryStatus status, List<WebhookDeliveryView.Attempt> attempts) {
        WebhookDeliveryView.Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        return new WebhookDeliveryView(id, event, "/v1/customers/c-1/orders/o-" + id, T0, status, attempts.size(),
                Optional.ofNullable(last).map(WebhookDeliveryView.Attempt::at),
                Optional.ofNullable(last).flatMap(WebhookDeliveryView.Attempt::responseCode),
                status == DeliveryStatus.PENDING ? Optional.of(T0.plusSeconds(60)) : Optional.empty(),
                status == DeliveryStatus.DELIVERED ? Optional.ofNullable(last).map(WebhookDeliveryView.Attempt::at) : Optional.empty(),
                attempts);
    }

    static WebhookDeliveryView.Attempt answered(int number, int code) {
        return new WebhookDeliveryView.Attempt(number, T0.plusSeconds(number), Optional.of(code), 42, Optional.empty(), Optional.empty());
    }

    static WebhookDeliveryView.Attempt unanswered(int number, String failure, String detail) {
        return new WebhookDeliveryView.Attempt(number, T0.plusSeconds(number), Optional.empty(), 10_000, Optional.of(failure),
                Optional.of(detail));
    }

    private <T> Optional<Lookup<T>> refusal() {
        return refuse ? Optional.of(Lookup.notPermitted(Permission.MANAGE_WEBHOOKS)) : Optional.empty();
    }

    @Override
    public Lookup<WebhookRegistrationView> get(Actor actor) {
        return this.<WebhookRegistrationView>refusal().orElseGet(() -> Lookup.of(Optional.ofNullable(registration), NO_REGISTRATION));
    }

    @Override
    public Lookup<List<String>> availableEvents(Actor actor) {
        return this.<List<String>>refusal().orElseGet(() -> Lookup.found(List.of("customer-created", "order-created", "test-created")));
    }

    @Override
    public WebhookChange register(String url, List<String> events, Actor actor) {
        if (refuse) {
            return new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS);
        }
        if (registration != null) {
            return new WebhookChange.AlreadyRegistered();
        }
        Optional<WebhookChange> refused = check(url, events);
        if (refused.isPresent()) {
            return refused.get();
        }
        registration = registration(url, events);
        return new WebhookChange.Done(registration, Optional.of(SECRET));
    }

    @Override
    public WebhookChange update(String url, List<String> events, Actor actor) {
        if (refuse) {
            return new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS);
        }
        if (registration == null) {
            return new WebhookChange.NotFound();
        }
        Optional<WebhookChange> refused = check(url, events);
        if (refused.isPresent()) {
            return refused.get();
        }
        registration = registration(url, events);
        return new WebhookChange.Done(registration, Optional.empty());
    }

    /** The few refusals the pages show: no https, no events, an event only an invoices role reads. */
    private static Optional<WebhookChange> check(String url, List<String> events) {
        if (!url.startsWith("https://")) {
            return Optional.of(new WebhookChange.Refused(WebhookChange.Reason.HTTPS_REQUIRED, "WebhookUrl", ""));
        }
        if (events.isEmpty()) {
            return Optional.of(new WebhookChange.Refused(WebhookChange.Reason.EVENTS_MISSING, "WebhookEvents", ""));
        }
        if (events.contains("invoice-ready")) {
            return Optional.of(new WebhookChange.EventNotPermitted("invoice-ready"));
        }
        return Optional.empty();
    }

    @Override
    public Outcome delete(Actor actor) {
        if (refuse) {
            return Outcome.NOT_PERMITTED;
        }
        if (registration == null) {
            return Outcome.NOT_FOUND;
        }
        registration = null;
        return Outcome.DELETED;
    }

    @Override
    public WebhookChange rotate(Actor actor) {
        if (refuse) {
            return new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS);
        }
        if (registration == null) {
            return new WebhookChange.NotFound();
        }
        return new WebhookChange.Done(registration, Optional.of(SECRET.replace("c3R1Y", "bmV3L")));
    }

    @Override
    public Lookup<String> sendTest(Actor actor) {
        Optional<Lookup<String>> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (registration == null) {
            return Lookup.notFound(NO_REGISTRATION);
        }
        String correlationId = "corr-" + (tests.size() + 1);
        String id = "msg_test" + (tests.size() + 1);
        tests.put(correlationId, id);
        deliveries.add(0, delivery(id, "test-created", DeliveryStatus.PENDING, List.of()));
        return Lookup.found(correlationId);
    }

    @Override
    public Lookup<WebhookDeliveryView> test(String correlationId, Actor actor) {
        return this.<WebhookDeliveryView>refusal().orElseGet(() -> Optional.ofNullable(tests.get(correlationId))
                .<Lookup<WebhookDeliveryView>>map(id -> find(id)).orElseGet(() -> Lookup.notFound(NOT_FOUND)));
    }

    @Override
    public Lookup<Page<WebhookDeliveryView>> deliveries(Optional<DeliveryStatus> status, PageRequest page, Actor actor) {
        Optional<Lookup<Page<WebhookDeliveryView>>> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        lastStatus = status;
        lastPage = page;
        if (registration == null) {
            return Lookup.notFound(NO_REGISTRATION);
        }
        List<WebhookDeliveryView> matching = deliveries.stream().filter(d -> status.isEmpty() || d.status() == status.get())
                .map(d -> new WebhookDeliveryView(d.id(), d.eventName(), d.resourceUri(), d.resourceChangedAt(), d.status(),
                        d.attemptCount(), d.lastAttemptAt(), d.lastResponseCode(), d.nextAttemptAt(), d.deliveredAt(), List.of()))
                .toList();
        // The token is the index of the next item, written as "at-<n>"; anything else was not made here.
        int from = 0;
        if (page.continuationToken().isPresent()) {
            String token = page.continuationToken().get();
            if (!token.matches("at-\\d{1,6}")) {
                throw new InvalidContinuationToken();
            }
            from = Math.min(Integer.parseInt(token.substring(3)), matching.size());
        }
        int to = Math.min(from + page.size(), matching.size());
        return Lookup.found(new Page<>(new ArrayList<>(matching.subList(from, to)), matching.size(),
                to < matching.size() ? Optional.of("at-" + to) : Optional.empty()));
    }

    @Override
    public Lookup<WebhookDeliveryView> delivery(String id, Actor actor) {
        return this.<WebhookDeliveryView>refusal().orElseGet(() -> find(id));
    }

    @Override
    public Lookup<WebhookDeliveryView> redeliver(String id, Actor actor) {
        Optional<Lookup<WebhookDeliveryView>> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        Lookup<WebhookDeliveryView> found = find(id);
        if (found instanceof Lookup.Found<WebhookDeliveryView> delivery) {
            redelivered.add(id);
            WebhookDeliveryView d = delivery.value();
            return Lookup.found(new WebhookDeliveryView(d.id(), d.eventName(), d.resourceUri(), d.resourceChangedAt(),
                    DeliveryStatus.PENDING, d.attemptCount(), d.lastAttemptAt(), d.lastResponseCode(), Optional.of(T0.plusSeconds(3600)),
                    Optional.empty(), d.attempts()));
        }
        return found;
    }

    private Lookup<WebhookDeliveryView> find(String id) {
        return Lookup.of(deliveries.stream().filter(d -> d.id().equals(id)).findFirst(), NOT_FOUND);
    }

    /** Nobody signs in with a password in these tests; the security beans need the port all the same. */
    @Singleton
    @Requires(property = StubWebhooks.PROPERTY, value = "stub")
    static class NoSignIn implements AuthenticateUser {

        @Override
        public SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress) {
            return new Refused();
        }
    }

    /** Nor a second step; POST /login's controller needs the port all the same. */
    @Singleton
    @Requires(property = StubWebhooks.PROPERTY, value = "stub")
    static class NoSecondStep implements CompleteSignIn {

        @Override
        public SecondStepOutcome complete(String mfaToken, String code, Optional<String> clientAddress) {
            return new ChallengeEnded();
        }
    }
}
