package com.cspdesk.adapters.web.security;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorsTest {

    private static final String TENANT = "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40";

    @Test
    void aPartnerUserIsAnUnscopedActorWithItsRoles() {
        Actor actor = Actors.of(Authentication.build("admin.agent@partner.demo", List.of("ADMIN_AGENT", "SALES_AGENT")));

        assertThat(actor.username()).isEqualTo("admin.agent@partner.demo");
        assertThat(actor.roles()).containsExactlyInAnyOrder(Role.ADMIN_AGENT, Role.SALES_AGENT);
        assertThat(actor.customerTenantId()).isEmpty();
        assertThat(actor.isCustomer()).isFalse();
        assertThat(actor.maySee(TENANT)).isTrue();
    }

    @Test
    void anApplicationsTokenActsUnderItsAppNameWithItsIdAndRoles() {
        Actor actor = Actors.of(Authentication.build("app:a1", List.of("ADMIN_AGENT"),
                Map.of(ApplicationClaims.APPLICATION_CLAIM, "a1", ApplicationClaims.CREDENTIAL_CLAIM, "c1")));

        assertThat(actor.username()).isEqualTo("app:a1");
        assertThat(actor.applicationId()).contains("a1");
        assertThat(actor.roles()).containsExactly(Role.ADMIN_AGENT);
        assertThat(actor.isCustomer()).isFalse();
        assertThat(Actors.of(Authentication.build("admin.agent@partner.demo", List.of("ADMIN_AGENT"))).applicationId()).isEmpty();
    }

    @Test
    void aCustomerAdminIsBoundToTheTenantOfItsTidClaim() {
        Actor actor = Actors.of(Authentication.build("customer.admin@contoso.demo", List.of("CUSTOMER_GLOBAL_ADMIN"),
                Map.of(Actors.TENANT_CLAIM, TENANT)));

        assertThat(actor.roles()).containsExactly(Role.CUSTOMER_GLOBAL_ADMIN);
        assertThat(actor.customerTenantId()).isEqualTo(Optional.of(TENANT));
        assertThat(actor.maySee(TENANT)).isTrue();
        assertThat(actor.maySee("0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10")).isFalse();
    }

    @Test
    void unknownRoleNamesGrantNothingAndCaseDoesNotMatter() {
        Actor actor = Actors.of(Authentication.build("someone", List.of("EMPEROR", "global_admin", " ")));

        assertThat(actor.roles()).containsExactly(Role.GLOBAL_ADMIN);
    }

    @Test
    void aCustomerAdminWithoutATenantIsRefusedRatherThanLeftUnscoped() {
        Authentication noTenant = Authentication.build("customer.admin@contoso.demo", List.of("CUSTOMER_GLOBAL_ADMIN"));
        Authentication blankTenant = Authentication.build("customer.admin@contoso.demo", List.of("CUSTOMER_GLOBAL_ADMIN"),
                Map.of(Actors.TENANT_CLAIM, " "));

        assertThatThrownBy(() -> Actors.of(noTenant)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> Actors.of(blankTenant)).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aTenantClaimThatIsNotAStringIsIgnored() {
        Actor actor = Actors.of(Authentication.build("partner", List.of("SALES_AGENT"), Map.of(Actors.TENANT_CLAIM, 42)));

        assertThat(actor.customerTenantId()).isEmpty();
    }
}
