package com.cspdesk.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy.CustomerUser;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy.EventNotPermitted;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy.NoEvents;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy.NotPermitted;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who may subscribe to which event: every partner role against every event, and the edges. */
class WebhookSubscriptionPolicyTest {

    @Test
    void aRegistrationReceivesWhatItNamesAndItsOwnTestEventsAndNothingElse() {
        Set<WebhookEvent> named = EnumSet.of(WebhookEvent.ORDER_CREATED, WebhookEvent.CREDIT_ISSUED);
        for (WebhookEvent event : WebhookEvent.values()) {
            boolean expected = named.contains(event) || event == WebhookEvent.TEST_CREATED;
            assertThat(WebhookSubscriptionPolicy.receives(named, event)).as(event.wireName()).isEqualTo(expected);
        }
        assertThat(WebhookSubscriptionPolicy.receives(Set.of(), WebhookEvent.TEST_CREATED)).isTrue();
        assertThat(WebhookSubscriptionPolicy.receives(Set.of(), WebhookEvent.ORDER_CREATED)).isFalse();
    }

    @Test
    void the_event_names_are_partner_centers_and_the_outboxs() {
        assertThat(Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName)).containsExactly(
                "customer-created", "order-created", "order-updated", "subscription-renewed", "subscription-expired", "subscription-updated", "credit-issued", "invoice-ready",
                "software-key-accessed", "software-download-link-created", "service-request-created",
                "service-request-updated", "test-created");
        assertThat(WebhookEvent.ofWireName(" order-created ")).contains(WebhookEvent.ORDER_CREATED);
        assertThat(WebhookEvent.ofWireName("Order-Created")).isEmpty();
        assertThat(WebhookEvent.ofWireName(null)).isEmpty();
    }

    @Test
    void every_partner_role_may_subscribe_to_exactly_the_events_it_may_read() {
        for (Role role : Role.values()) {
            if (role.isCustomerRole()) {
                continue;
            }
            Actor actor = Actor.partner("someone@partner.example", role);
            for (WebhookEvent event : WebhookEvent.values()) {
                Optional<WebhookSubscriptionPolicy.Refusal> refusal = WebhookSubscriptionPolicy.refusalOf(actor, Set.of(event));
                if (!Permission.MANAGE_WEBHOOKS.roles().contains(role)) {
                    assertThat(refusal).as(role + " " + event).contains(new NotPermitted(Permission.MANAGE_WEBHOOKS));
                } else if (event.permission().roles().contains(role)) {
                    assertThat(refusal).as(role + " " + event).isEmpty();
                } else {
                    assertThat(refusal).as(role + " " + event).contains(new EventNotPermitted(event));
                }
            }
        }
    }

    @Test
    void managing_webhooks_is_for_the_partner_roles_that_may_read_some_event() {
        Set<Role> readers = Arrays.stream(WebhookEvent.values()).filter(e -> e != WebhookEvent.TEST_CREATED)
                .flatMap(e -> e.permission().roles().stream()).filter(r -> !r.isCustomerRole())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        assertThat(Permission.MANAGE_WEBHOOKS.roles()).containsExactlyInAnyOrderElementsOf(readers);
    }

    @Test
    void the_refusal_names_the_first_event_not_permitted_in_the_lists_order() {
        Actor salesAgent = Actor.partner("sales@partner.example", Role.SALES_AGENT);
        assertThat(WebhookSubscriptionPolicy.refusalOf(salesAgent, EnumSet.of(WebhookEvent.ORDER_CREATED,
                WebhookEvent.SERVICE_REQUEST_UPDATED, WebhookEvent.INVOICE_READY)))
                .contains(new EventNotPermitted(WebhookEvent.INVOICE_READY));
        Actor accountAdmin = Actor.partner("account@partner.example", Role.ACCOUNT_ADMIN);
        assertThat(WebhookSubscriptionPolicy.refusalOf(accountAdmin, EnumSet.of(WebhookEvent.INVOICE_READY,
                WebhookEvent.CREDIT_ISSUED, WebhookEvent.TEST_CREATED))).isEmpty();
        assertThat(WebhookSubscriptionPolicy.refusalOf(accountAdmin, EnumSet.of(WebhookEvent.INVOICE_READY,
                WebhookEvent.CUSTOMER_CREATED))).contains(new EventNotPermitted(WebhookEvent.CUSTOMER_CREATED));
    }

    @Test
    void a_customer_user_never_registers_and_a_registration_names_an_event() {
        Actor customer = Actor.customer("admin@contoso.example", "0d3c5e1a-8d3e-4a43-9d55-5f3b9a1c2e7f");
        assertThat(WebhookSubscriptionPolicy.refusalOf(customer, Set.of(WebhookEvent.ORDER_CREATED))).contains(new CustomerUser());
        assertThat(WebhookSubscriptionPolicy.refusalToManage(customer)).contains(new CustomerUser());
        Actor admin = Actor.partner("admin@partner.example", Role.ADMIN_AGENT);
        assertThat(WebhookSubscriptionPolicy.refusalOf(admin, Set.of())).contains(new NoEvents());
        assertThat(WebhookSubscriptionPolicy.refusalToManage(admin)).isEmpty();
    }

    @Test
    void an_application_subscribes_with_its_roles() {
        Actor application = new Actor("billing-sync", Set.of(Role.ACCOUNT_ADMIN), Optional.empty(), Optional.empty(),
                Optional.of("app-1"));
        assertThat(WebhookSubscriptionPolicy.refusalOf(application, Set.of(WebhookEvent.INVOICE_READY))).isEmpty();
        assertThat(WebhookSubscriptionPolicy.refusalOf(application, Set.of(WebhookEvent.ORDER_UPDATED)))
                .contains(new EventNotPermitted(WebhookEvent.ORDER_UPDATED));
    }
}
