package com.cspdesk.application.identity;

import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.DeleteUser;
import com.cspdesk.application.identity.port.in.ListUsers;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.in.SeedUser;
import com.cspdesk.application.identity.port.in.UserView;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.PasswordPolicy;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** api.md "Users": create, list and delete users; seed the first ones at start-up. */
public final class UserAdministration implements CreateUser, ListUsers, DeleteUser, SeedUser {

    private final Users users;
    private final Customers customers;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final Sessions sessions;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();

    public UserAdministration(Users users, Customers customers, PasswordHasher hasher, Transactions transactions, Clock clock,
                              Sessions sessions) {
        this.users = users;
        this.customers = customers;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    public CreateUserResult create(NewUser newUser, Actor actor) {
        if (!actor.may(Permission.MANAGE_USERS)) {
            return new NotPermitted(Permission.MANAGE_USERS);
        }
        return add(newUser, true);
    }

    /**
     * {@code customerMustExist}: a customer admin made through the API is for a customer of the
     * partner's (a mistyped tenant id would make a user who can see nothing); the sandbox's seeds
     * may come before their customer does.
     */
    private CreateUserResult add(NewUser newUser, boolean customerMustExist) {
        Optional<Refused> refusal = validate(newUser);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> tenant = tenantOf(newUser);
        if (customerMustExist && tenant.isPresent() && customers.byTenantId(tenant.get()).isEmpty()) {
            return new Refused(Reason.CUSTOMER_TENANT_UNKNOWN, "customerTenantId");
        }
        Username username = new Username(newUser.username());
        UserAccount account = new UserAccount(username, hasher.hash(newUser.password()), newUser.roles(),
                tenantOf(newUser), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!users.add(account)) {
            return new Refused(Reason.USERNAME_TAKEN, "username");
        }
        // This instance may remember the name as "no such user" from a deleted namesake's token.
        sessions.forget(username);
        return new Created(view(account));
    }

    @Override
    public CreateUserResult ensure(NewUser user) {
        Optional<UserAccount> existing = users.find(new Username(user.username()));
        if (existing.isPresent()) {
            return new Created(view(existing.get()));
        }
        return add(user, false);
    }

    @Override
    public boolean anyUser() {
        return !users.all().isEmpty();
    }

    @Override
    public Lookup<List<UserView>> list(Actor actor) {
        if (!actor.may(Permission.MANAGE_USERS)) {
            return Lookup.notPermitted(Permission.MANAGE_USERS);
        }
        return Lookup.found(users.all().stream()
                .sorted(Comparator.comparing(a -> a.username().value()))
                .map(UserAdministration::view)
                .toList());
    }

    @Override
    public DeleteUserResult delete(String username, Actor actor) {
        if (!actor.may(Permission.MANAGE_USERS)) {
            return DeleteUserResult.NOT_PERMITTED;
        }
        String actingUsername = actor.username();
        if (!Username.isValid(username)) {
            return DeleteUserResult.NOT_FOUND;
        }
        Username target = new Username(username);
        if (Username.isValid(actingUsername) && target.equals(new Username(actingUsername))) {
            return DeleteUserResult.CANNOT_DELETE_SELF;
        }
        DeleteUserResult result = transactions.inTransaction(() -> {
            Optional<UserAccount> account = users.find(target);
            if (account.isEmpty()) {
                return DeleteUserResult.NOT_FOUND;
            }
            if (account.get().roles().contains(Role.GLOBAL_ADMIN)
                    && users.countWithRoleForUpdate(Role.GLOBAL_ADMIN) <= 1) {
                return DeleteUserResult.LAST_GLOBAL_ADMIN;
            }
            users.remove(target);
            return DeleteUserResult.DELETED;
        });
        if (result == DeleteUserResult.DELETED) {
            // After the commit: the user's tokens are refused on this instance from the next request on.
            sessions.forget(target);
        }
        return result;
    }

    private Optional<Refused> validate(NewUser user) {
        if (!Username.isValid(user.username())) {
            return refuse(Reason.USERNAME_INVALID, "username");
        }
        if (user.roles().isEmpty()) {
            return refuse(Reason.ROLES_MISSING, "roles");
        }
        boolean customerRole = user.roles().contains(Role.CUSTOMER_GLOBAL_ADMIN);
        if (customerRole && user.roles().size() > 1) {
            return refuse(Reason.CUSTOMER_ROLE_MIXED, "roles");
        }
        boolean hasTenant = user.customerTenantId() != null && !user.customerTenantId().isBlank();
        if (customerRole && !hasTenant) {
            return refuse(Reason.CUSTOMER_TENANT_REQUIRED, "customerTenantId");
        }
        if (!customerRole && hasTenant) {
            return refuse(Reason.CUSTOMER_TENANT_NOT_ALLOWED, "customerTenantId");
        }
        if (hasTenant && !isTenantGuid(user.customerTenantId())) {
            return refuse(Reason.CUSTOMER_TENANT_INVALID, "customerTenantId");
        }
        return passwordPolicy.weakness(user.password(), new Username(user.username()))
                .map(weakness -> new Refused(switch (weakness) {
                    case TOO_SHORT -> Reason.PASSWORD_TOO_SHORT;
                    case TOO_LONG -> Reason.PASSWORD_TOO_LONG;
                    case TOO_FEW_CHARACTER_CLASSES -> Reason.PASSWORD_TOO_SIMPLE;
                    case CONTAINS_USERNAME -> Reason.PASSWORD_CONTAINS_USERNAME;
                    case WELL_KNOWN -> Reason.PASSWORD_WELL_KNOWN;
                }, "password"));
    }

    private static Optional<Refused> refuse(Reason reason, String field) {
        return Optional.of(new Refused(reason, field));
    }

    /** The customer admin's tenant, as {@link CustomerRef} reads a tenant id (lower case). */
    private static Optional<String> tenantOf(NewUser user) {
        return user.roles().contains(Role.CUSTOMER_GLOBAL_ADMIN)
                ? tenantId(user.customerTenantId()).map(CustomerRef::value)
                : Optional.empty();
    }

    private static boolean isTenantGuid(String candidate) {
        return tenantId(candidate).isPresent();
    }

    private static Optional<CustomerRef> tenantId(String candidate) {
        return CustomerRef.parse(candidate).filter(CustomerRef.TenantId.class::isInstance);
    }

    private static UserView view(UserAccount account) {
        return new UserView(account.username().value(), account.roles(), account.customerTenantId(),
                account.createdAt());
    }
}
