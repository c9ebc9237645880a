package com.cspdesk.application.customers;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.customers.port.in.ChooseCustomer;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CustomerChoosingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Customers customers = mock(Customers.class);
    private final CustomerChoosing choosing = new CustomerChoosing(customers);
    private final Customers.Customer contoso = new Customers.Customer("t1", "Contoso", "contoso.example", Market.of("HU"), NOW);

    @Test
    void whoReadsTheLogOrTheCustomersChoosesAmongThePartnersCustomersByName() {
        when(customers.page(Optional.empty(), Optional.empty(), 500)).thenReturn(List.of(contoso));
        for (Role reader : List.of(Role.REFERRAL_ADMIN, Role.ACCOUNT_ADMIN, Role.GLOBAL_ADMIN, Role.ADMIN_AGENT)) {
            assertThat(choosing.choices(TestActors.holding(reader), 500)).as(reader.name())
                    .containsExactly(new ChooseCustomer.Choice("t1", "Contoso"));
        }
    }

    @Test
    void aCustomersUserChoosesOnlyItsOwnAndNobodyElseAnything() {
        when(customers.byTenantId("t1")).thenReturn(Optional.of(contoso));
        assertThat(choosing.choices(Actor.customer("admin@contoso.example", "t1"), 500))
                .containsExactly(new ChooseCustomer.Choice("t1", "Contoso"));
        assertThat(choosing.choices(TestActors.holding(Role.SUPPORT_STAFF), 500)).isEmpty();
        assertThat(choosing.choices(TestActors.holding(Role.GLOBAL_ADMIN), 0)).isEmpty();
        verify(customers, never()).page(any(), any(), anyInt());
    }
}
