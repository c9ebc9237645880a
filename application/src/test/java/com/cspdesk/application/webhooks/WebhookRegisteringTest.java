package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.port.in.DeleteWebhookRegistration.Outcome;
import com.cspdesk.application.webhooks.port.in.WebhookChange;
import com.cspdesk.application.webhooks.port.in.WebhookChange.Reason;
import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.cspdesk.application.webhooks.port.out.HostAddresses;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.application.webhooks.port.out.WebhookSecrets;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class WebhookRegisteringTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Actor ADMIN = Actor.partner("agent@partner.test", Role.ADMIN_AGENT).from("192.0.2.9");
    private static final Actor SALES = Actor.partner("sales@partner.test", Role.SALES_AGENT);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String URL = "https://hooks.example.com/cspdesk?token=receiver-own";
    private static final byte[] PUBLIC = {(byte) 93, (byte) 184, (byte) 216, 34};

    private final WebhookRegistrations registrations = mock(WebhookRegistrations.class);
    private final WebhookSecrets secrets = mock(WebhookSecrets.class);
    private final SecretSealing sealing = mock(SecretSealing.class);
    private final HostAddresses addresses = mock(HostAddresses.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private final WebhookRegistering registering = new WebhookRegistering(registrations, secrets, sealing, addresses,
            WebhookDestinationPolicy.strict(), activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void world() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(secrets.newSecret()).thenReturn(SECRET);
        when(sealing.seal(eq(SECRET), anyString())).thenAnswer(call -> "sealed(" + call.getArgument(1) + ")");
        when(addresses.resolve("hooks.example.com")).thenReturn(List.of(PUBLIC));
        when(registrations.add(any())).thenReturn(true);
        when(registrations.update(anyString(), anyString(), any(), any())).thenReturn(true);
        when(registrations.replaceSecret(anyString(), anyString(), any())).thenReturn(true);
        when(registrations.remove(anyString())).thenReturn(true);
    }

    private WebhookRegistration existing() {
        return new WebhookRegistration("reg-1", URL, Set.of(WebhookEvent.ORDER_CREATED), "sealed(old)", NOW.minusSeconds(60),
                "agent@partner.test", NOW.minusSeconds(60));
    }

    private ActivityEntry logged() {
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(entry.capture());
        return entry.getValue();
    }

    @Test
    void a_registration_keeps_the_secret_sealed_to_it_answers_it_once_and_logs_the_origin_and_events() {
        WebhookChange change = registering.register(URL, List.of("order-updated", "customer-created", "order-created"), ADMIN);

        WebhookChange.Done done = (WebhookChange.Done) change;
        assertThat(done.secret()).contains(SECRET);
        assertThat(done.toString()).doesNotContain(SECRET);
        assertThat(done.registration().events()).containsExactly("customer-created", "order-created", "order-updated");
        assertThat(done.registration().url()).isEqualTo(URL);
        ArgumentCaptor<WebhookRegistration> stored = ArgumentCaptor.forClass(WebhookRegistration.class);
        verify(registrations).add(stored.capture());
        String id = stored.getValue().id();
        assertThat(stored.getValue().sealedSecret()).isEqualTo("sealed(webhook_registration:" + id + ")");
        assertThat(stored.getValue().toString()).doesNotContain(SECRET);
        ActivityEntry entry = logged();
        assertThat(entry.operationType()).isEqualTo("register_webhook");
        assertThat(entry.resourceType()).isEqualTo("webhook_registration");
        assertThat(entry.resourceId()).isEqualTo(id);
        assertThat(entry.customizedData()).containsEntry("webhookOrigin", "https://hooks.example.com")
                .containsEntry("webhookEvents", "customer-created,order-created,order-updated")
                .containsEntry("clientAddress", "192.0.2.9");
        assertThat(entry.customizedData().toString()).doesNotContain(SECRET).doesNotContain("receiver-own");
    }

    @Test
    void a_second_registration_is_refused() {
        when(registrations.add(any())).thenReturn(false);
        assertThat(registering.register(URL, List.of("order-created"), ADMIN)).isEqualTo(new WebhookChange.AlreadyRegistered());
        verifyNoInteractions(activityLog);
    }

    @Test
    void an_event_the_caller_may_not_read_is_named_in_the_refusal_and_nothing_is_looked_up() {
        assertThat(registering.register(URL, List.of("order-created", "invoice-ready"), SALES))
                .isEqualTo(new WebhookChange.EventNotPermitted("invoice-ready"));
        verifyNoInteractions(addresses, registrations, activityLog);
    }

    @Test
    void customer_users_and_roles_without_the_permission_are_refused() {
        Actor customer = Actor.customer("admin@contoso.test", "tenant-1");
        Actor referral = Actor.partner("referral@partner.test", Role.REFERRAL_ADMIN);
        for (Actor actor : List.of(customer, referral)) {
            assertThat(registering.register(URL, List.of("order-created"), actor))
                    .isEqualTo(new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS));
            assertThat(registering.update(URL, List.of("order-created"), actor))
                    .isEqualTo(new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS));
            assertThat(registering.rotate(actor)).isEqualTo(new WebhookChange.NotPermitted(Permission.MANAGE_WEBHOOKS));
            assertThat(registering.delete(actor)).isEqualTo(Outcome.NOT_PERMITTED);
            assertThat(registering.get(actor)).isEqualTo(Lookup.notPermitted(Permission.MANAGE_WEBHOOKS));
            assertThat(registering.availableEvents(actor)).isEqualTo(Lookup.notPermitted(Permission.MANAGE_WEBHOOKS));
        }
        verifyNoInteractions(registrations, activityLog);
    }

    @Test
    void unknown_or_missing_events_are_refused_on_webhook_events() {
        assertThat(registering.register(URL, List.of("order-created", "subscription-upgraded"), ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.EVENT_UNKNOWN, "WebhookEvents", "subscription-upgraded"));
        assertThat(registering.register(URL, List.of(), ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.EVENTS_MISSING, "WebhookEvents", ""));
        assertThat(registering.register(URL, null, ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.EVENTS_MISSING, "WebhookEvents", ""));
    }

    @Test
    void the_url_is_refused_on_webhook_url_for_its_shape_its_literal_and_what_its_name_resolves_to() {
        when(addresses.resolve("internal.example.com")).thenReturn(List.of(PUBLIC, new byte[] {10, 0, 0, 1}));
        when(addresses.resolve("gone.example.com")).thenReturn(List.of());
        List<String> events = List.of("order-created");
        assertThat(registering.register("http://hooks.example.com/x", events, ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.HTTPS_REQUIRED, "WebhookUrl", ""));
        assertThat(registering.register("https://169.254.169.254/x", events, ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.ADDRESS_NOT_ALLOWED, "WebhookUrl", ""));
        assertThat(registering.register("https://internal.example.com/x", events, ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.ADDRESS_NOT_ALLOWED, "WebhookUrl", ""));
        assertThat(registering.register("https://gone.example.com/x", events, ADMIN))
                .isEqualTo(new WebhookChange.Refused(Reason.UNRESOLVABLE, "WebhookUrl", ""));
        assertThat(registering.register("", events, ADMIN)).isEqualTo(new WebhookChange.Refused(Reason.URL_MISSING, "WebhookUrl", ""));
        verify(registrations, never()).add(any());
    }

    @Test
    void an_allowed_host_is_not_looked_up() {
        WebhookRegistering local = new WebhookRegistering(registrations, secrets, sealing, addresses,
                new WebhookDestinationPolicy(List.of("127.0.0.1")), activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(local.register("http://127.0.0.1:8999/hooks", List.of("test-created"), SALES)).isInstanceOf(WebhookChange.Done.class);
        verifyNoInteractions(addresses);
    }

    @Test
    void an_update_checks_as_a_registration_keeps_the_secret_and_is_logged() {
        when(registrations.find()).thenReturn(Optional.of(existing()));
        WebhookChange change = registering.update("https://hooks.example.com/v2", List.of("order-created", "customer-created"), ADMIN);

        WebhookChange.Done done = (WebhookChange.Done) change;
        assertThat(done.secret()).isEmpty();
        assertThat(done.registration().url()).isEqualTo("https://hooks.example.com/v2");
        verify(registrations).update("reg-1", "https://hooks.example.com/v2",
                Set.of(WebhookEvent.ORDER_CREATED, WebhookEvent.CUSTOMER_CREATED), NOW);
        verify(secrets, never()).newSecret();
        assertThat(logged().operationType()).isEqualTo("update_webhook");
    }

    @Test
    void without_a_registration_update_rotate_delete_and_get_find_nothing() {
        when(registrations.find()).thenReturn(Optional.empty());
        assertThat(registering.update(URL, List.of("order-created"), ADMIN)).isEqualTo(new WebhookChange.NotFound());
        assertThat(registering.rotate(ADMIN)).isEqualTo(new WebhookChange.NotFound());
        assertThat(registering.delete(ADMIN)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(registering.get(ADMIN)).isEqualTo(Lookup.notFound("webhook_registration_not_found"));
        verifyNoInteractions(activityLog);
    }

    @Test
    void a_rotation_seals_a_new_secret_answers_it_once_and_is_logged() {
        when(registrations.find()).thenReturn(Optional.of(existing()));
        WebhookChange.Done done = (WebhookChange.Done) registering.rotate(SALES);
        assertThat(done.secret()).contains(SECRET);
        verify(registrations).replaceSecret("reg-1", "sealed(webhook_registration:reg-1)", NOW);
        assertThat(logged().operationType()).isEqualTo("rotate_webhook_secret");
    }

    @Test
    void a_deletion_removes_and_is_logged_and_a_read_never_shows_the_secret() {
        when(registrations.find()).thenReturn(Optional.of(existing()));
        Lookup<WebhookRegistrationView> read = registering.get(SALES);
        assertThat(read).isInstanceOfSatisfying(Lookup.Found.class, found -> assertThat(found.value().toString()).doesNotContain("sealed"));
        assertThat(registering.delete(ADMIN)).isEqualTo(Outcome.DELETED);
        verify(registrations).remove("reg-1");
        assertThat(logged().operationType()).isEqualTo("delete_webhook");
    }

    @Test
    void the_available_events_are_the_domains_list() {
        assertThat(registering.availableEvents(SALES)).isEqualTo(Lookup.found(List.of("customer-created", "order-created",
                "order-updated", "subscription-renewed", "subscription-expired", "subscription-updated", "credit-issued", "invoice-ready", "software-key-accessed", "software-download-link-created",
                "service-request-created", "service-request-updated", "test-created")));
    }
}
