package com.cspdesk.contracts;

import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link WebhookRegistrations} must do: keep the partner's one registration as given
 * (instants to the microsecond, every event, the sealed secret untouched), refuse a second, change and
 * remove only the registration with the id named, and roll back with its unit of work.
 */
public abstract class WebhookRegistrationsContract extends PortContract {

    private static final Instant T = Instant.parse("2026-12-03T09:05:30.123456Z");

    private WebhookRegistrations registrations() {
        return port(WebhookRegistrations.class);
    }

    private static WebhookRegistration registration(Set<WebhookEvent> events) {
        return new WebhookRegistration(UUID.randomUUID().toString(), "https://hooks.example.com/in?key=ő", events,
                "AQID" + "x".repeat(200), T, "agent@partner.test", T);
    }

    /** The contract's database or store lives for the test class: each test starts with no registration. */
    @BeforeEach
    void noRegistration() {
        registrations().find().ifPresent(existing -> registrations().remove(existing.id()));
    }

    @Test
    void theRegistrationIsKeptAsGivenWithEveryEvent() {
        WebhookRegistration all = registration(EnumSet.allOf(WebhookEvent.class));

        assertThat(registrations().find()).isEmpty();
        assertThat(registrations().add(all)).isTrue();

        assertThat(registrations().find()).contains(all);
    }

    @Test
    void theRegistrationIsTheOnlyOne() {
        WebhookRegistration first = registration(Set.of(WebhookEvent.ORDER_CREATED));
        WebhookRegistration second = registration(Set.of(WebhookEvent.INVOICE_READY));
        assertThat(registrations().add(first)).isTrue();

        assertThat(registrations().add(second)).isFalse();

        assertThat(registrations().find()).contains(first);
    }

    @Test
    void anUpdateAndANewSecretChangeOnlyTheirFieldsOfTheRegistrationNamed() {
        WebhookRegistration kept = registration(Set.of(WebhookEvent.ORDER_CREATED));
        registrations().add(kept);
        Instant later = T.plusSeconds(60);

        assertThat(registrations().update(UUID.randomUUID().toString(), "https://other.example.com", Set.of(), later)).isFalse();
        assertThat(registrations().update(kept.id(), "https://hooks.example.com/v2",
                Set.of(WebhookEvent.CUSTOMER_CREATED, WebhookEvent.TEST_CREATED), later)).isTrue();
        assertThat(registrations().replaceSecret(UUID.randomUUID().toString(), "other", later)).isFalse();
        assertThat(registrations().replaceSecret(kept.id(), "BAUG" + "y".repeat(200), later.plusSeconds(1))).isTrue();

        assertThat(registrations().find()).contains(new WebhookRegistration(kept.id(), "https://hooks.example.com/v2",
                Set.of(WebhookEvent.CUSTOMER_CREATED, WebhookEvent.TEST_CREATED), "BAUG" + "y".repeat(200), T,
                "agent@partner.test", later.plusSeconds(1)));
    }

    @Test
    void aRemovedRegistrationIsGoneAndAnotherMayFollow() {
        WebhookRegistration first = registration(Set.of(WebhookEvent.ORDER_CREATED));
        registrations().add(first);

        assertThat(registrations().remove(UUID.randomUUID().toString())).isFalse();
        assertThat(registrations().remove(first.id())).isTrue();
        assertThat(registrations().remove(first.id())).isFalse();
        assertThat(registrations().find()).isEmpty();

        WebhookRegistration next = registration(Set.of(WebhookEvent.TEST_CREATED));
        assertThat(registrations().add(next)).isTrue();
        assertThat(registrations().find()).contains(next);
    }

    @Test
    void changesInAUnitOfWorkThatFailsAreNotKept() {
        WebhookRegistration kept = registration(Set.of(WebhookEvent.ORDER_CREATED));
        registrations().add(kept);

        assertThatThrownBy(() -> inTransaction(() -> {
            registrations().update(kept.id(), "https://changed.example.com", Set.of(WebhookEvent.INVOICE_READY), T.plusSeconds(5));
            registrations().replaceSecret(kept.id(), "changed", T.plusSeconds(5));
            registrations().remove(kept.id());
            registrations().add(registration(Set.of(WebhookEvent.TEST_CREATED)));
            throw new IllegalStateException("the activity record could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registrations().find()).contains(kept);
    }
}
