package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.port.in.DeleteWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.GetWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.ListWebhookEvents;
import com.cspdesk.application.webhooks.port.in.RegisterWebhook;
import com.cspdesk.application.webhooks.port.in.RotateWebhookSecret;
import com.cspdesk.application.webhooks.port.in.UpdateWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.WebhookChange;
import com.cspdesk.application.webhooks.port.in.WebhookChange.Reason;
import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.cspdesk.application.webhooks.port.out.HostAddresses;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.application.webhooks.port.out.WebhookSecrets;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy.Destination;
import com.cspdesk.domain.webhooks.WebhookEvent;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issue #15, the first step: the partner's webhook registration, Partner Center's shape (one per
 * partner). Where it may point is the domain's {@link WebhookDestinationPolicy} (a name is resolved
 * through {@link HostAddresses} at registration and at every change of URL); which events a caller may
 * name, {@link WebhookSubscriptionPolicy}. The signing secret is made here, answered once (on
 * registration and on rotation) and kept sealed by {@link SecretSealing} for delivery to sign with.
 * Every change is on the activity log with the URL's origin (scheme, host, port: a path may hold the
 * receiver's own token) and the events, never the secret.
 */
public final class WebhookRegistering implements RegisterWebhook, UpdateWebhookRegistration, RotateWebhookSecret,
        DeleteWebhookRegistration, GetWebhookRegistration, ListWebhookEvents {

    /** Partner Center's field names, as refusals name them. */
    public static final String URL_FIELD = "WebhookUrl";
    public static final String EVENTS_FIELD = "WebhookEvents";
    static final String NOT_FOUND = "webhook_registration_not_found";
    private static final String RESOURCE = Resource.WEBHOOK_REGISTRATION.kind();

    private final WebhookRegistrations registrations;
    private final WebhookSecrets secrets;
    private final SecretSealing sealing;
    private final HostAddresses hostAddresses;
    private final WebhookDestinationPolicy destinations;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final Clock clock;

    public WebhookRegistering(WebhookRegistrations registrations, WebhookSecrets secrets, SecretSealing sealing,
                              HostAddresses hostAddresses, WebhookDestinationPolicy destinations, ActivityLog activityLog,
                              Transactions transactions, Clock clock) {
        this.registrations = registrations;
        this.secrets = secrets;
        this.sealing = sealing;
        this.hostAddresses = hostAddresses;
        this.destinations = destinations;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public WebhookChange register(String url, List<String> events, Actor actor) {
        Checked checked = checked(url, events, actor);
        if (checked.refusal.isPresent()) {
            return checked.refusal.get();
        }
        Instant now = now();
        String id = UUID.randomUUID().toString();
        String secret = secrets.newSecret();
        WebhookRegistration registration = new WebhookRegistration(id, checked.url, checked.events,
                sealing.seal(secret, WebhookRegistration.sealingContext(id)), now, actor.username(), now);
        return transactions.inTransaction(() -> {
            if (!registrations.add(registration)) {
                return new WebhookChange.AlreadyRegistered();
            }
            activityLog.append(AdminActs.by(actor, now, Operation.REGISTER_WEBHOOK.kind(), RESOURCE, id, described(registration)));
            return new WebhookChange.Done(view(registration), Optional.of(secret));
        });
    }

    @Override
    public WebhookChange update(String url, List<String> events, Actor actor) {
        Checked checked = checked(url, events, actor);
        if (checked.refusal.isPresent()) {
            return checked.refusal.get();
        }
        Instant now = now();
        return transactions.inTransaction(() -> {
            Optional<WebhookRegistration> current = registrations.find();
            if (current.isEmpty() || !registrations.update(current.get().id(), checked.url, checked.events, now)) {
                return new WebhookChange.NotFound();
            }
            WebhookRegistration updated = new WebhookRegistration(current.get().id(), checked.url, checked.events,
                    current.get().sealedSecret(), current.get().createdAt(), current.get().createdBy(), now);
            activityLog.append(AdminActs.by(actor, now, Operation.UPDATE_WEBHOOK.kind(), RESOURCE, updated.id(), described(updated)));
            return new WebhookChange.Done(view(updated), Optional.empty());
        });
    }

    @Override
    public WebhookChange rotate(Actor actor) {
        Optional<WebhookSubscriptionPolicy.Refusal> refusal = WebhookSubscriptionPolicy.refusalToManage(actor);
        if (refusal.isPresent()) {
            return new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS);
        }
        Instant now = now();
        String secret = secrets.newSecret();
        return transactions.inTransaction(() -> {
            Optional<WebhookRegistration> current = registrations.find();
            if (current.isEmpty()) {
                return new WebhookChange.NotFound();
            }
            String id = current.get().id();
            if (!registrations.replaceSecret(id, sealing.seal(secret, WebhookRegistration.sealingContext(id)), now)) {
                return new WebhookChange.NotFound();
            }
            WebhookRegistration rotated = new WebhookRegistration(id, current.get().url(), current.get().events(),
                    current.get().sealedSecret(), current.get().createdAt(), current.get().createdBy(), now,
                    current.get().health());
            activityLog.append(AdminActs.by(actor, now, Operation.ROTATE_WEBHOOK_SECRET.kind(), RESOURCE, id, described(rotated)));
            return new WebhookChange.Done(view(rotated), Optional.of(secret));
        });
    }

    @Override
    public Outcome delete(Actor actor) {
        if (WebhookSubscriptionPolicy.refusalToManage(actor).isPresent()) {
            return Outcome.NOT_PERMITTED;
        }
        Instant now = now();
        return transactions.inTransaction(() -> {
            Optional<WebhookRegistration> current = registrations.find();
            if (current.isEmpty() || !registrations.remove(current.get().id())) {
                return Outcome.NOT_FOUND;
            }
            activityLog.append(AdminActs.by(actor, now, Operation.DELETE_WEBHOOK.kind(), RESOURCE, current.get().id(),
                    described(current.get())));
            return Outcome.DELETED;
        });
    }

    @Override
    public Lookup<WebhookRegistrationView> get(Actor actor) {
        if (WebhookSubscriptionPolicy.refusalToManage(actor).isPresent()) {
            return Lookup.notPermitted(Permission.MANAGE_WEBHOOKS);
        }
        return Lookup.of(registrations.find().map(WebhookRegistering::view), NOT_FOUND);
    }

    @Override
    public Lookup<List<String>> availableEvents(Actor actor) {
        if (WebhookSubscriptionPolicy.refusalToManage(actor).isPresent()) {
            return Lookup.notPermitted(Permission.MANAGE_WEBHOOKS);
        }
        return Lookup.found(Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList());
    }

    /** The input read and checked: who, which events, then where (a look-up last, only for a caller who may). */
    private Checked checked(String url, List<String> names, Actor actor) {
        if (WebhookSubscriptionPolicy.refusalToManage(actor).isPresent()) {
            return Checked.refused(new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS));
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : names == null ? List.<String>of() : names) {
            Optional<WebhookEvent> event = WebhookEvent.ofWireName(name);
            if (event.isEmpty()) {
                return Checked.refused(new WebhookChange.Refused(Reason.EVENT_UNKNOWN, EVENTS_FIELD, String.valueOf(name)));
            }
            events.add(event.get());
        }
        Optional<WebhookSubscriptionPolicy.Refusal> refusal = WebhookSubscriptionPolicy.refusalOf(actor, events);
        if (refusal.isPresent()) {
            if (refusal.get() instanceof WebhookSubscriptionPolicy.EventNotPermitted notPermitted) {
                return Checked.refused(new WebhookChange.EventNotPermitted(notPermitted.event().wireName()));
            }
            if (refusal.get() instanceof WebhookSubscriptionPolicy.NoEvents) {
                return Checked.refused(new WebhookChange.Refused(Reason.EVENTS_MISSING, EVENTS_FIELD, ""));
            }
            return Checked.refused(new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS));
        }
        WebhookDestinationPolicy.Checked destination = destinations.check(url);
        if (destination instanceof WebhookDestinationPolicy.Refused refused) {
            return Checked.refused(urlRefusal(refused.problem()));
        }
        Destination accepted = (Destination) destination;
        if (accepted.needsResolution()) {
            Optional<WebhookDestinationPolicy.Problem> problem = destinations.refusalOfAddresses(hostAddresses.resolve(accepted.host()));
            if (problem.isPresent()) {
                return Checked.refused(urlRefusal(problem.get()));
            }
        }
        return new Checked(Optional.empty(), accepted.uri().toString(), events);
    }

    private static WebhookChange urlRefusal(WebhookDestinationPolicy.Problem problem) {
        Reason reason = switch (problem) {
            case MISSING -> Reason.URL_MISSING;
            case TOO_LONG -> Reason.URL_TOO_LONG;
            case INVALID -> Reason.URL_INVALID;
            case HTTPS_REQUIRED -> Reason.HTTPS_REQUIRED;
            case ADDRESS_NOT_ALLOWED -> Reason.ADDRESS_NOT_ALLOWED;
            case UNRESOLVABLE -> Reason.UNRESOLVABLE;
        };
        return new WebhookChange.Refused(reason, URL_FIELD, "");
    }

    /** What the activity record says: the URL's origin and the events, never the secret. */
    private static Map<String, String> described(WebhookRegistration registration) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("webhookOrigin", origin(registration.url()));
        details.put("webhookEvents", names(registration.events()).stream().collect(Collectors.joining(",")));
        return details;
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static List<String> names(Set<WebhookEvent> events) {
        return Arrays.stream(WebhookEvent.values()).filter(events::contains).map(WebhookEvent::wireName).toList();
    }

    static WebhookRegistrationView view(WebhookRegistration registration) {
        return new WebhookRegistrationView(registration.id(), registration.url(), names(registration.events()),
                registration.createdAt(), registration.createdBy(), registration.updatedAt(),
                registration.health().failingSince(), registration.health().disabledAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Checked(Optional<WebhookChange> refusal, String url, Set<WebhookEvent> events) {

        static Checked refused(WebhookChange refusal) {
            return new Checked(Optional.of(refusal), null, Set.of());
        }
    }
}
