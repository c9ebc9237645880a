package com.cspdesk.domain.identity;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCallerTest {

    @Test
    void everyPartnerRoleMayBeGivenAndNoCustomerRole() {
        for (Role role : Role.values()) {
            assertThat(ServiceCaller.problemOf("Billing sync", Set.of(role)))
                    .as(role.name()).isEqualTo(role.isCustomerRole()
                            ? java.util.Optional.of(ServiceCaller.Problem.CUSTOMER_ROLE) : java.util.Optional.empty());
        }
        assertThat(ServiceCaller.problemOf("Mixed", EnumSet.of(Role.ADMIN_AGENT, Role.CUSTOMER_GLOBAL_ADMIN)))
                .contains(ServiceCaller.Problem.CUSTOMER_ROLE);
    }

    @Test
    void aNameIsNeededShortAndPrintable() {
        assertThat(ServiceCaller.problemOf(" ", Set.of(Role.SALES_AGENT))).contains(ServiceCaller.Problem.NAME_MISSING);
        assertThat(ServiceCaller.problemOf(null, Set.of(Role.SALES_AGENT))).contains(ServiceCaller.Problem.NAME_MISSING);
        assertThat(ServiceCaller.problemOf("x".repeat(101), Set.of(Role.SALES_AGENT))).contains(ServiceCaller.Problem.NAME_TOO_LONG);
        assertThat(ServiceCaller.problemOf("ő".repeat(100), Set.of(Role.SALES_AGENT))).isEmpty();
        assertThat(ServiceCaller.problemOf("a\nb", Set.of(Role.SALES_AGENT))).contains(ServiceCaller.Problem.NAME_INVALID);
        assertThat(ServiceCaller.problemOf("Sync", Set.of())).contains(ServiceCaller.Problem.ROLES_MISSING);
    }

    @Test
    void anApplicationsActorNameIsNeverAUsername() {
        String name = ServiceCaller.actorName("4f1c2a7e-0000-4000-8000-000000000001");

        assertThat(name).isEqualTo("app:4f1c2a7e-0000-4000-8000-000000000001");
        assertThat(Username.isValid(name)).isFalse();
        assertThat(ServiceCaller.isActorName(name)).isTrue();
        assertThat(ServiceCaller.isActorName("app.sync@partner.test")).isFalse();
    }
}
