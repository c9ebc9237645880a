package com.cspdesk.domain.access;

import static com.cspdesk.domain.identity.Role.ACCOUNT_ADMIN;
import static com.cspdesk.domain.identity.Role.ADMIN_AGENT;
import static com.cspdesk.domain.identity.Role.CUSTOMER_GLOBAL_ADMIN;
import static com.cspdesk.domain.identity.Role.GLOBAL_ADMIN;
import static com.cspdesk.domain.identity.Role.MARKETING_CONTENT_ADMIN;
import static com.cspdesk.domain.identity.Role.REFERRAL_ADMIN;
import static com.cspdesk.domain.identity.Role.SALES_AGENT;
import static com.cspdesk.domain.identity.Role.SUPPORT_STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.cspdesk.domain.identity.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * api.md "Who may do what", written out once more by hand: every permission against every role,
 * both ways (granted and refused), so a role slipping into or out of the table fails here.
 */
class PermissionTest {

    private static final Map<Permission, Set<Role>> API_MD = Map.ofEntries(
            Map.entry(Permission.BROWSE_CATALOG, Set.of(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN)),
            Map.entry(Permission.VIEW_CUSTOMERS, Set.of(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, CUSTOMER_GLOBAL_ADMIN)),
            Map.entry(Permission.CREATE_CUSTOMER, Set.of(ADMIN_AGENT, GLOBAL_ADMIN)),
            Map.entry(Permission.VIEW_ORDERS, Set.of(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, CUSTOMER_GLOBAL_ADMIN)),
            Map.entry(Permission.PLACE_ORDER, Set.of(ADMIN_AGENT, GLOBAL_ADMIN)),
            Map.entry(Permission.VIEW_SOFTWARE, Set.of(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, CUSTOMER_GLOBAL_ADMIN)),
            Map.entry(Permission.GET_PRODUCT_KEY, Set.of(ADMIN_AGENT, CUSTOMER_GLOBAL_ADMIN)),
            Map.entry(Permission.CREATE_DOWNLOAD_LINK, Set.of(ADMIN_AGENT, CUSTOMER_GLOBAL_ADMIN)),
            Map.entry(Permission.CANCEL_PURCHASE, Set.of(ADMIN_AGENT)),
            Map.entry(Permission.READ_ACTIVITY_LOG, Set.of(GLOBAL_ADMIN, ACCOUNT_ADMIN, REFERRAL_ADMIN, MARKETING_CONTENT_ADMIN)),
            Map.entry(Permission.READ_INVOICES, Set.of(GLOBAL_ADMIN, ACCOUNT_ADMIN, ADMIN_AGENT)),
            Map.entry(Permission.START_INVOICE_RUN, Set.of(GLOBAL_ADMIN, ACCOUNT_ADMIN, ADMIN_AGENT)),
            Map.entry(Permission.FILE_SERVICE_REQUEST, Set.of(ADMIN_AGENT, GLOBAL_ADMIN)),
            Map.entry(Permission.MANAGE_USERS, Set.of(GLOBAL_ADMIN)),
            Map.entry(Permission.MOVE_SANDBOX_CLOCK, Set.of(GLOBAL_ADMIN, ADMIN_AGENT)),
            Map.entry(Permission.READ_HEALTH_DETAILS, Set.of(GLOBAL_ADMIN)),
            Map.entry(Permission.READ_METRICS, Set.of(GLOBAL_ADMIN)),
            Map.entry(Permission.MANAGE_OWN_MFA, EnumSet.allOf(Role.class)),
            Map.entry(Permission.RESET_MFA, Set.of(GLOBAL_ADMIN)),
            Map.entry(Permission.MANAGE_APPLICATIONS, Set.of(GLOBAL_ADMIN)),
            Map.entry(Permission.MANAGE_WEBHOOKS, Set.of(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, ACCOUNT_ADMIN)),
            Map.entry(Permission.MANAGE_SUBSCRIPTIONS, Set.of(ADMIN_AGENT, GLOBAL_ADMIN)),
            Map.entry(Permission.VIEW_ACROSS_CUSTOMERS, Set.of(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN)),
            Map.entry(Permission.RECONCILE_BILLING, Set.of(GLOBAL_ADMIN, ACCOUNT_ADMIN)),
            Map.entry(Permission.ISSUE_CREDIT_NOTE, Set.of(GLOBAL_ADMIN, ACCOUNT_ADMIN)),
            Map.entry(Permission.HANDLE_SERVICE_REQUESTS, Set.of(SUPPORT_STAFF)),
            // Support requests that end (#16 item 4): reading and following up, both sides.
            Map.entry(Permission.FOLLOW_SERVICE_REQUESTS, Set.of(ADMIN_AGENT, GLOBAL_ADMIN, SUPPORT_STAFF)));

    private static Actor holding(Role role) {
        return role.isCustomerRole()
                ? Actor.customer("someone@contoso.example", "0d3c5e1a-8d3e-4a43-9d55-5f3b9a1c2e7f")
                : Actor.partner("someone@partner.example", role);
    }

    @Test
    void the_table_names_every_permission_and_nothing_else() {
        assertThat(EnumSet.allOf(Permission.class)).containsExactlyInAnyOrderElementsOf(API_MD.keySet());
    }

    @TestFactory
    Stream<DynamicTest> every_permission_against_every_role() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Permission permission : Permission.values()) {
            for (Role role : Role.values()) {
                boolean granted = API_MD.get(permission).contains(role);
                tests.add(dynamicTest(permission + " × " + role + (granted ? ": granted" : ": refused"), () -> {
                    assertThat(permission.allows(holding(role))).isEqualTo(granted);
                    assertThat(holding(role).may(permission)).isEqualTo(granted);
                    assertThat(permission.grantedToAny(Set.of(role))).isEqualTo(granted);
                    assertThat(permission.roles().contains(role)).isEqualTo(granted);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void an_actor_without_roles_may_do_nothing() {
        Actor nobody = new Actor("nobody@partner.example", Set.of(), Optional.empty());
        for (Permission permission : Permission.values()) {
            assertThat(nobody.may(permission)).as(permission.name()).isFalse();
            assertThat(permission.grantedToAny(Set.of())).as(permission.name()).isFalse();
        }
    }

    @Test
    void one_granted_role_among_refused_ones_is_enough() {
        Actor mixed = Actor.partner("mixed@partner.example", REFERRAL_ADMIN, SALES_AGENT);

        assertThat(mixed.may(Permission.READ_ACTIVITY_LOG)).isTrue();
        assertThat(mixed.may(Permission.VIEW_ORDERS)).isTrue();
        assertThat(mixed.may(Permission.PLACE_ORDER)).isFalse();
    }

    @Test
    void every_role_may_do_something_and_every_permission_has_a_role() {
        for (Role role : Role.values()) {
            assertThat(Stream.of(Permission.values()).anyMatch(p -> p.allows(holding(role)))).as(role.name()).isTrue();
        }
        for (Permission permission : Permission.values()) {
            assertThat(permission.roles()).as(permission.name()).isNotEmpty();
        }
    }
}
