package com.cspdesk.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.identity.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantAccessTest {

    private static final String CONTOSO = "0d3c5e1a-8d3e-4a43-9d55-5f3b9a1c2e7f";
    private static final String FABRIKAM = "7b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

    @Test
    void a_customer_admin_sees_its_own_tenant_in_any_case_and_no_other() {
        Actor admin = Actor.customer("admin@contoso.example", CONTOSO);

        assertThat(TenantAccess.maySee(admin, CONTOSO)).isTrue();
        assertThat(TenantAccess.maySee(admin, CONTOSO.toUpperCase())).isTrue();
        assertThat(TenantAccess.maySee(admin, " " + CONTOSO + " ")).isTrue();
        assertThat(TenantAccess.maySee(admin, FABRIKAM)).isFalse();
    }

    @Test
    void the_partners_users_see_every_customer() {
        for (Role role : Role.values()) {
            if (!role.isCustomerRole()) {
                assertThat(Actor.partner("user@partner.example", role).maySee(FABRIKAM)).as(role.name()).isTrue();
            }
        }
    }

    @Test
    void no_tenant_named_is_nobody_s_to_see() {
        Actor agent = Actor.partner("agent@partner.example", Role.ADMIN_AGENT);

        assertThat(TenantAccess.maySee(agent, null)).isFalse();
        assertThat(TenantAccess.maySee(agent, " ")).isFalse();
    }

    @Test
    void the_customer_role_without_a_tenant_sees_nothing() {
        Actor unbound = new Actor("lost@contoso.example", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), Optional.empty());

        assertThat(TenantAccess.maySee(unbound, CONTOSO)).isFalse();
    }
}
