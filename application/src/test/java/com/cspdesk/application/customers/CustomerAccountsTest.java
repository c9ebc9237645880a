package com.cspdesk.application.customers;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import com.cspdesk.application.customers.port.in.CreateCustomer.NewCustomer;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.cspdesk.application.InlineTransactions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CustomerAccountsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Actor AGENT = Actor.partner("agent", Role.ADMIN_AGENT);
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";

    private final Customers customers = mock(Customers.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = InlineTransactions.mocked();
    private final CustomerAccounts accounts = new CustomerAccounts(customers, activityLog, transactions,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void addingACustomerIsRecordedOnItsOwnChainWithWhoAndFromWhereInTheSameUnitOfWork() {
        when(customers.add(any())).thenAnswer(call -> {
            verify(transactions).inTransaction(any());
            return true;
        });

        var created = (CreateCustomer.Created) accounts.create(new NewCustomer("Contoso GmbH", "contoso.example", "de"),
                AGENT.from("203.0.113.9"));

        ArgumentCaptor<ActivityEntry> record = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(record.capture());
        assertThat(record.getValue()).isEqualTo(new ActivityEntry(NOW, "add_customer", "succeeded", "agent", null,
                created.customer().tenantId(), "Contoso GmbH", "customer", created.customer().tenantId(),
                Map.of("domain", "contoso.example", "country", "DE", "clientAddress", "203.0.113.9")));
        assertThat(record.getValue().chainKey()).isEqualTo(created.customer().tenantId());
    }

    @Test
    void aRefusedCustomerLeavesNoRecord() {
        assertRefused(new NewCustomer("Name", "bad_domain.example", "HU"), CreateCustomer.Reason.DOMAIN_INVALID);
        when(customers.add(any())).thenReturn(false);
        assertRefused(new NewCustomer("Name", "taken.example", "DE"), CreateCustomer.Reason.DOMAIN_TAKEN);
        verify(activityLog, never()).append(any());
    }

    @Test
    void createsACustomerWithANewTenantAndANormalisedDomain() {
        when(customers.add(any())).thenReturn(true);
        var result = accounts.create(new NewCustomer("  Kovács és Társa Kft. ", "Kovacs.HU ", "hu"), AGENT);
        ArgumentCaptor<Customers.Customer> stored = ArgumentCaptor.forClass(Customers.Customer.class);
        verify(customers).add(stored.capture());
        assertThat(stored.getValue().companyName()).isEqualTo("Kovács és Társa Kft.");
        assertThat(stored.getValue().domain()).isEqualTo("kovacs.hu");
        assertThat(stored.getValue().country()).isEqualTo(Market.of("HU"));
        assertThat(stored.getValue().tenantId()).matches("[0-9a-f-]{36}");
        assertThat(result).isInstanceOf(CreateCustomer.Created.class);
    }

    @Test
    void refusesEachBadFieldByName() {
        assertRefused(new NewCustomer("", "a.example", "HU"), CreateCustomer.Reason.COMPANY_NAME_INVALID);
        assertRefused(new NewCustomer("x".repeat(256), "a.example", "HU"), CreateCustomer.Reason.COMPANY_NAME_INVALID);
        assertRefused(new NewCustomer("Name\u0000", "a.example", "HU"), CreateCustomer.Reason.COMPANY_NAME_INVALID);
        assertRefused(new NewCustomer("Name", "localhost", "HU"), CreateCustomer.Reason.DOMAIN_INVALID);
        assertRefused(new NewCustomer("Name", "bad_domain.example", "HU"), CreateCustomer.Reason.DOMAIN_INVALID);
        assertRefused(new NewCustomer("Name", null, "HU"), CreateCustomer.Reason.DOMAIN_INVALID);
        assertRefused(new NewCustomer("Name", "a.example", "Hungary"), CreateCustomer.Reason.COUNTRY_INVALID);
        assertRefused(new NewCustomer("Name", "a.example", "ZZ"), CreateCustomer.Reason.COUNTRY_INVALID);
        // No country at all: Partner Center's field is the one named.
        assertThat(accounts.create(new NewCustomer("Name", "a.example", null), AGENT)).isEqualTo(new CreateCustomer.Refused(
                CreateCustomer.Reason.COUNTRY_INVALID, "billingProfile.defaultAddress.country"));
        verify(customers, never()).add(any());
        when(customers.add(any())).thenReturn(false);
        assertRefused(new NewCustomer("Name", "taken.example", "DE"), CreateCustomer.Reason.DOMAIN_TAKEN);
        assertThat(CreateCustomer.Reason.COUNTRY_INVALID.field()).isEqualTo("billingProfile.country");
    }

    @Test
    void findsByTenantOrDomainAndHidesOtherTenants() {
        Customers.Customer contoso = new Customers.Customer(TENANT, "Contoso", "contoso.example", Market.of("DE"), NOW);
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(contoso));
        when(customers.byDomain("contoso.example")).thenReturn(Optional.of(contoso));

        assertThat(TestActors.found(accounts.get(ref(TENANT.toUpperCase()), AGENT)).domain()).isEqualTo("contoso.example");
        assertThat(TestActors.found(accounts.get(ref("Contoso.Example"), AGENT)).tenantId()).isEqualTo(TENANT);
        assertThat(accounts.get(ref(TENANT), Actor.customer("admin", TENANT))).isInstanceOf(Lookup.Found.class);
        assertThat(accounts.get(ref(TENANT), Actor.customer("admin", "22222222-2222-4222-8222-222222222222")))
                .isEqualTo(Lookup.notFound("customer_not_found"));
        assertThat(accounts.get(ref("fabrikam.example"), AGENT)).isEqualTo(Lookup.notFound("customer_not_found"));
    }

    @Test
    void pagesByKeysetWithAnOpaqueToken() {
        List<Customers.Customer> three = List.of(customer("Alpha", "a"), customer("Beta", "b"), customer("Gamma", "c"));
        when(customers.page(Optional.of("al"), Optional.empty(), 3)).thenReturn(three);
        when(customers.count(Optional.of("al"))).thenReturn(5L);

        var page = TestActors.found(accounts.find(Optional.of(" AL "), PageRequest.first(2), AGENT));

        assertThat(page.items()).extracting(CustomerView::companyName).containsExactly("Alpha", "Beta");
        assertThat(page.totalCount()).isEqualTo(5);
        String token = page.continuationToken().orElseThrow();
        assertThat(token).doesNotContain("Beta");
        when(customers.page(Optional.of("al"), Optional.of(new Customers.Cursor("Beta", "b")), 3)).thenReturn(List.of());
        assertThat(TestActors.found(accounts.find(Optional.of("al"), new PageRequest(2, Optional.of(token)), AGENT)).items()).isEmpty();
        assertThatThrownBy(() -> accounts.find(Optional.of("be"), new PageRequest(2, Optional.of(token)), AGENT))
                .isInstanceOf(InvalidContinuationToken.class);
        assertThatThrownBy(() -> accounts.find(Optional.empty(), new PageRequest(2, Optional.of("@@@")), AGENT))
                .isInstanceOf(InvalidContinuationToken.class);
    }

    @Test
    void aCustomersAdminFindsOnlyItsOwnCustomer() {
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(customer("Contoso", TENANT)));
        var page = TestActors.found(accounts.find(Optional.empty(), PageRequest.first(50), Actor.customer("admin", TENANT)));
        assertThat(page.items()).extracting(CustomerView::tenantId).containsExactly(TENANT);
        assertThat(TestActors.found(accounts.find(Optional.of("zzz"), PageRequest.first(50), Actor.customer("admin", TENANT))).items()).isEmpty();
        verify(customers, never()).page(any(), any(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void onlyTheTablesRolesReadOrAddCustomersAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.VIEW_CUSTOMERS)) {
            assertThat(accounts.find(Optional.empty(), PageRequest.first(50), actor))
                    .isEqualTo(Lookup.notPermitted(Permission.VIEW_CUSTOMERS));
            assertThat(accounts.get(ref(TENANT), actor)).isEqualTo(Lookup.notPermitted(Permission.VIEW_CUSTOMERS));
        }
        for (Actor actor : TestActors.refused(Permission.CREATE_CUSTOMER)) {
            assertThat(accounts.create(new NewCustomer("Name", "a.example", "HU"), actor))
                    .isEqualTo(new CreateCustomer.NotPermitted(Permission.CREATE_CUSTOMER));
        }
        verifyNoInteractions(customers, activityLog, transactions);
        when(customers.add(any())).thenReturn(true);
        assertThat(accounts.create(new NewCustomer("Name", "a.example", "HU"), TestActors.holding(Role.GLOBAL_ADMIN)))
                .isInstanceOf(CreateCustomer.Created.class);
        assertThat(accounts.get(ref(TENANT), TestActors.holding(Role.SALES_AGENT))).isEqualTo(Lookup.notFound("customer_not_found"));
    }

    private static CustomerRef ref(String text) {
        return CustomerRef.parse(text).orElseThrow();
    }

    private void assertRefused(NewCustomer customer, CreateCustomer.Reason reason) {
        assertThat(accounts.create(customer, AGENT)).isEqualTo(new CreateCustomer.Refused(reason, reason.field()));
    }

    private static Customers.Customer customer(String name, String tenant) {
        return new Customers.Customer(tenant, name, name.toLowerCase() + ".example", Market.of("DE"), NOW);
    }
}
