package com.cspdesk.bootstrap.startup;

import com.cspdesk.adapters.web.ui.signin.DemoSignIns;
import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.in.SeedUser;
import com.cspdesk.domain.identity.Role;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * Sandbox mode only: one demo user for every role, created once (a restart leaves them as they
 * are). They share one documented password; nothing outside the sandbox has a default password.
 */
@Singleton
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
public class DemoUsers implements DemoSignIns {

    public static final String PASSWORD = "Demo-Passw0rd!";
    /** The tenant of the demo customer whose admin signs in as customer.admin. */
    public static final String DEMO_CUSTOMER_TENANT = "5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40";

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin.agent@partner.demo", Role.ADMIN_AGENT),
            new DemoUser("sales.agent@partner.demo", Role.SALES_AGENT),
            new DemoUser("global.admin@partner.demo", Role.GLOBAL_ADMIN),
            new DemoUser("account.admin@partner.demo", Role.ACCOUNT_ADMIN),
            new DemoUser("referral.admin@partner.demo", Role.REFERRAL_ADMIN),
            new DemoUser("marketing.admin@partner.demo", Role.MARKETING_CONTENT_ADMIN),
            new DemoUser("support.staff@partner.demo", Role.SUPPORT_STAFF),
            new DemoUser("customer.admin@contoso.demo", Role.CUSTOMER_GLOBAL_ADMIN));

    private final SeedUser seedUser;

    DemoUsers(SeedUser seedUser) {
        this.seedUser = seedUser;
    }

    /** Creates the demo users that are not there yet (DemoStart, at start-up). */
    void ensure() {
        for (DemoUser user : USERS) {
            String tenant = user.role().isCustomerRole() ? DEMO_CUSTOMER_TENANT : null;
            CreateUser.CreateUserResult result = seedUser.ensure(new NewUser(user.username(), PASSWORD, Set.of(user.role()), tenant));
            if (result instanceof CreateUser.Refused refused) {
                throw new IllegalStateException("Demo user " + user.username() + " refused: " + refused.reason().code());
            }
        }
    }

    /** The sign-in page lists these, so it names every demo user there is. */
    @Override
    public List<DemoSignIn> users() {
        return USERS.stream().map(user -> new DemoSignIn(user.username(), user.role())).toList();
    }

    public record DemoUser(String username, Role role) {
    }
}
