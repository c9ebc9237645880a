package com.cspdesk.application.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisibleCustomersTest {

    private static final String CONTOSO = "0d3c5e1a-8d3e-4a43-9d55-5f3b9a1c2e7f";
    private static final Customers.Customer CONTOSO_CUSTOMER = new Customers.Customer(CONTOSO, "Contoso", "contoso.example",
            Market.of("DE"), Instant.parse("2026-11-01T00:00:00Z"));

    private final Customers customers = mock(Customers.class);
    private final VisibleCustomers visible = new VisibleCustomers(customers);

    @Test
    void aTenantIdIsLookedUpAsATenantInAnyCaseAndADomainAsADomain() {
        when(customers.byTenantId(CONTOSO)).thenReturn(Optional.of(CONTOSO_CUSTOMER));
        when(customers.byDomain("contoso.example")).thenReturn(Optional.of(CONTOSO_CUSTOMER));
        Actor agent = Actor.partner("agent", Role.SALES_AGENT);

        assertThat(visible.resolve(CustomerRef.parse(CONTOSO.toUpperCase()).orElseThrow(), agent)).contains(CONTOSO_CUSTOMER);
        assertThat(visible.resolve(CustomerRef.parse(" Contoso.EXAMPLE ").orElseThrow(), agent)).contains(CONTOSO_CUSTOMER);
        verify(customers).byTenantId(CONTOSO);
        verify(customers).byDomain("contoso.example");
    }

    @Test
    void aCustomersAdminResolvesOnlyItsOwnTenantByIdOrDomain() {
        when(customers.byTenantId(CONTOSO)).thenReturn(Optional.of(CONTOSO_CUSTOMER));
        when(customers.byDomain("contoso.example")).thenReturn(Optional.of(CONTOSO_CUSTOMER));

        Actor own = Actor.customer("admin@contoso.example", CONTOSO.toUpperCase());
        Actor other = Actor.customer("admin@fabrikam.example", "7b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b");

        assertThat(visible.resolve(new CustomerRef.TenantId(CONTOSO), own)).contains(CONTOSO_CUSTOMER);
        assertThat(visible.resolve(new CustomerRef.Domain("contoso.example"), own)).contains(CONTOSO_CUSTOMER);
        assertThat(visible.resolve(new CustomerRef.TenantId(CONTOSO), other)).isEmpty();
        assertThat(visible.resolve(new CustomerRef.Domain("contoso.example"), other)).isEmpty();
    }

    @Test
    void aMissingCustomerOrNoneNamedIsNotFound() {
        Actor agent = Actor.partner("agent", Role.ADMIN_AGENT);

        assertThat(visible.resolve(new CustomerRef.Domain("nobody.example"), agent)).isEmpty();
        assertThat(visible.resolve(null, agent)).isEmpty();
        verify(customers).byDomain("nobody.example");
    }

    @Test
    void nothingIsAskedForNoReference() {
        visible.resolve(null, Actor.partner("agent", Role.ADMIN_AGENT));
        verifyNoInteractions(customers);
    }
}
