package com.cspdesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;

import java.util.List;
import java.util.stream.Stream;

/** One actor per role, and the ones the table refuses or grants a permission, for the use cases' tests. */
public final class TestActors {

    /** The tenant the customer's admin below is bound to. */
    public static final String CUSTOMER_TENANT = "11111111-2222-4333-8444-555555555555";

    private TestActors() {
    }

    public static Actor holding(Role role) {
        return role.isCustomerRole()
                ? Actor.customer("customer.admin@contoso.test", CUSTOMER_TENANT)
                : Actor.partner(role.name().toLowerCase() + "@partner.test", role);
    }

    /** An actor of every role the table does not grant {@code permission} to (never empty: no permission is everyone's). */
    public static List<Actor> refused(Permission permission) {
        List<Actor> refused = Stream.of(Role.values()).filter(role -> !permission.roles().contains(role))
                .map(TestActors::holding).toList();
        assertThat(refused).as("roles refused %s", permission).isNotEmpty();
        return refused;
    }

    /** The value of a lookup that must have found something. */
    public static <T> T found(Lookup<T> lookup) {
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found<T>) lookup).value();
    }
}
