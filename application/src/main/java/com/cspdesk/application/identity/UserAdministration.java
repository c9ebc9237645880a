package com.cspdesk.application.identity;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.UpdateUser;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * api.md "Users": create, list, change and delete users; seed the first ones at start-up. Every
 * change made through the API is on the activity log ({@link AdminActs}), written with it; the seeds
 * are configuration, not an act.
 */
public final class UserAdministration implements CreateUser, ListUsers, UpdateUser, DeleteUser, SeedUser {

    /** The resource type of a user's activity records. */
    private static final String USER = Resource.USER.kind();

    private final Users users;
    private final Customers customers;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final Sessions sessions;
    private final ActivityLog activityLog;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();

    public UserAdministration(Users users, Customers customers, PasswordHasher hasher, Transactions transactions, Clock clock,
                              Sessions sessions, ActivityLog activityLog) {
        this.users = users;
        this.customers = customers;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.sessions = sessions;
        this.activityLog = activityLog;
    }

    @Override
    public CreateUserResult create(NewUser newUser, Actor actor) {
        if (!actor.may(Permission.MANAGE_USERS)) {
            return new CreateUser.NotPermitted(Permission.MANAGE_USERS);
        }
        return add(newUser, Optional.of(actor));
    }

    /**
     * {@code by}: the admin who creates the user through the API, whose act is recorded; a customer
     * admin made so is for a customer of the partner's (a mistyped tenant id would make a user who can
     * see nothing). Empty: a seed, which may come before its customer does.
     */
    private CreateUserResult add(NewUser newUser, Optional<Actor> by) {
        Optional<CreateUser.Refused> refusal = validate(newUser);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> tenant = tenantOf(newUser);
        if (by.isPresent() && tenant.isPresent() && customers.byTenantId(tenant.get()).isEmpty()) {
            return new CreateUser.Refused(Reason.CUSTOMER_TENANT_UNKNOWN, "customerTenantId");
        }
        Username username = new Username(newUser.username());
        UserAccount account = new UserAccount(username, hasher.hash(newUser.password()), newUser.roles(),
                tenantOf(newUser), clock.instant().truncatedTo(ChronoUnit.MICROS));
        boolean added = transactions.inTransaction(() -> {
            if (!users.add(account)) {
                return false;
            }
            by.ifPresent(actor -> activityLog.append(AdminActs.by(actor, account.createdAt(),
                    AdminActs.CREATE_PARTNER_USER, USER, username.value(), described(account))));
            return true;
        });
        if (!added) {
            return new CreateUser.Refused(Reason.USERNAME_TAKEN, "username");
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
        CreateUserResult result = add(user, Optional.empty());
        // Instances starting at once (a cluster's first start) may both find no account and both add it: the
        // one whose add was refused finds the other's, as if it had looked a moment later.
        if (result instanceof CreateUser.Refused refused && refused.reason() == Reason.USERNAME_TAKEN) {
            return users.find(new Username(user.username())).<CreateUserResult>map(account -> new Created(view(account)))
                    .orElse(result);
        }
        return result;
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
            activityLog.append(AdminActs.by(actor, now(), AdminActs.REMOVE_PARTNER_USER, USER, target.value(),
                    described(account.get())));
            return DeleteUserResult.DELETED;
        });
        if (result == DeleteUserResult.DELETED) {
            // After the commit: the user's tokens are refused on this instance from the next request on.
            sessions.forget(target);
        }
        return result;
    }

    @Override
    public UpdateUserResult update(String username, UserChange change, Actor actor) {
        if (!actor.may(Permission.MANAGE_USERS)) {
            return new UpdateUser.NotPermitted(Permission.MANAGE_USERS);
        }
        if (!Username.isValid(username)) {
            return new NotFound();
        }
        if (change.isEmpty()) {
            return new NothingToChange();
        }
        Username target = new Username(username);
        Optional<UserAccount> found = users.find(target);
        if (found.isEmpty()) {
            return new NotFound();
        }
        UserAccount before = found.get();
        Set<Role> roles = change.roles().orElse(before.roles());
        // The tenant goes with the customer's role: kept while the user keeps it, dropped with it.
        String tenant = change.customerTenantId()
                .orElse(roles.contains(Role.CUSTOMER_GLOBAL_ADMIN) ? before.customerTenantId().orElse(null) : null);
        NewUser asNew = new NewUser(target.value(), change.password().orElse(null), roles, tenant);
        Optional<CreateUser.Refused> refusal = validateRolesAndTenant(asNew)
                .or(() -> change.password().flatMap(password -> passwordRefusal(password, target)));
        if (refusal.isPresent()) {
            return new UpdateUser.Refused(refusal.get().reason(), refusal.get().field());
        }
        Optional<String> newTenant = tenantOf(asNew);
        if (change.customerTenantId().isPresent() && newTenant.isPresent()
                && !newTenant.equals(before.customerTenantId()) && customers.byTenantId(newTenant.get()).isEmpty()) {
            return new UpdateUser.Refused(Reason.CUSTOMER_TENANT_UNKNOWN, "customerTenantId");
        }
        boolean sameAccess = roles.equals(before.roles()) && newTenant.equals(before.customerTenantId());
        if (sameAccess && change.password().isEmpty()) {
            return new Updated(view(before));
        }
        String hash = change.password().map(hasher::hash).orElse(before.passwordHash());
        UserAccount after = new UserAccount(target, hash, roles, newTenant, before.createdAt(), before.sessionGeneration());
        UpdateUserResult result = transactions.inTransaction(() -> {
            if (before.roles().contains(Role.GLOBAL_ADMIN) && !roles.contains(Role.GLOBAL_ADMIN)
                    && users.countWithRoleForUpdate(Role.GLOBAL_ADMIN) <= 1) {
                return new LastGlobalAdmin();
            }
            if (!users.update(after)) {
                return new NotFound();
            }
            // Its tokens carry the old roles and tenant, or were got with the old password.
            users.endSessions(target);
            activityLog.append(AdminActs.by(actor, now(), AdminActs.UPDATE_PARTNER_USER, USER, target.value(),
                    changes(before, after, change.password().isPresent())));
            return new Updated(view(after));
        });
        if (result instanceof Updated) {
            sessions.forget(target);
        }
        return result;
    }

    private Optional<CreateUser.Refused> validate(NewUser user) {
        if (!Username.isValid(user.username())) {
            return refuse(Reason.USERNAME_INVALID, "username");
        }
        return validateRolesAndTenant(user).or(() -> passwordRefusal(user.password(), new Username(user.username())));
    }

    private Optional<CreateUser.Refused> validateRolesAndTenant(NewUser user) {
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
        return Optional.empty();
    }

    private Optional<CreateUser.Refused> passwordRefusal(String password, Username username) {
        return passwordPolicy.weakness(password, username)
                .map(weakness -> new CreateUser.Refused(switch (weakness) {
                    case TOO_SHORT -> Reason.PASSWORD_TOO_SHORT;
                    case TOO_LONG -> Reason.PASSWORD_TOO_LONG;
                    case TOO_FEW_CHARACTER_CLASSES -> Reason.PASSWORD_TOO_SIMPLE;
                    case CONTAINS_USERNAME -> Reason.PASSWORD_CONTAINS_USERNAME;
                    case WELL_KNOWN -> Reason.PASSWORD_WELL_KNOWN;
                }, "password"));
    }

    /** What the record of a user says of it: its roles and a customer admin's tenant, never a password or hash. */
    private static Map<String, String> described(UserAccount account) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("roles", roleNames(account.roles()));
        account.customerTenantId().ifPresent(tenant -> details.put("customerTenantId", tenant));
        return details;
    }

    /** What a change changed, before and after; a new password only as the fact that it was reset. */
    private static Map<String, String> changes(UserAccount before, UserAccount after, boolean passwordReset) {
        Map<String, String> details = new LinkedHashMap<>();
        if (!before.roles().equals(after.roles())) {
            details.put("rolesBefore", roleNames(before.roles()));
            details.put("rolesAfter", roleNames(after.roles()));
        }
        if (!before.customerTenantId().equals(after.customerTenantId())) {
            details.put("customerTenantIdBefore", before.customerTenantId().orElse(""));
            details.put("customerTenantIdAfter", after.customerTenantId().orElse(""));
        }
        if (passwordReset) {
            details.put("password", "reset");
        }
        return details;
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Optional<CreateUser.Refused> refuse(Reason reason, String field) {
        return Optional.of(new CreateUser.Refused(reason, field));
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
