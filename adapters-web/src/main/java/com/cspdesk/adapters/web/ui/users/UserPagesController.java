package com.cspdesk.adapters.web.ui.users;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.DeleteUser;
import com.cspdesk.application.identity.port.in.ListUsers;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.in.ResetSecondFactor;
import com.cspdesk.application.identity.port.in.UpdateUser;
import com.cspdesk.application.identity.port.in.UserView;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings menu's <b>Users</b> page ({@code /ui/settings/users}), global admins only as the API's
 * {@code MANAGE_USERS} says: every user with roles and customer tenant, a form to add one, and per user a
 * page to change roles, tenant or password, to reset the two-step sign-in ({@code RESET_MFA}) and to
 * remove the user. The rules (password strength, a customer's role alone and bound to a tenant, never the
 * last global admin, never oneself) are the use cases'; a refusal comes back in the reader's language with
 * the form as sent, the password never echoed.
 */
@Hidden
@Controller(UserPagesController.USERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.MANAGE_USERS)
class UserPagesController {

    static final String USERS = "/ui/settings/users";
    private static final String LIST_TEMPLATE = "users/list";
    private static final String EDIT_TEMPLATE = "users/edit";
    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();
    /** Refusals whose API text names role constants: the page says them with the roles' translated names. */
    private static final Set<CreateUser.Reason> OWN_TEXTS = EnumSet.of(CreateUser.Reason.CUSTOMER_ROLE_MIXED,
            CreateUser.Reason.CUSTOMER_TENANT_REQUIRED, CreateUser.Reason.CUSTOMER_TENANT_NOT_ALLOWED);

    private final ListUsers listUsers;
    private final CreateUser createUser;
    private final UpdateUser updateUser;
    private final DeleteUser deleteUser;
    private final ResetSecondFactor resetSecondFactor;
    private final UiPages pages;

    UserPagesController(ListUsers listUsers, CreateUser createUser, UpdateUser updateUser, DeleteUser deleteUser,
                        ResetSecondFactor resetSecondFactor, UiPages pages) {
        this.listUsers = listUsers;
        this.createUser = createUser;
        this.updateUser = updateUser;
        this.deleteUser = deleteUser;
        this.resetSecondFactor = resetSecondFactor;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication caller) {
        return list(request, caller, HttpStatus.OK, null, UserForm.empty());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Body Map<String, Object> body) {
        UserForm form = UserForm.of(body);
        Optional<Set<Role>> roles = roles(form.roles());
        if (roles.isEmpty()) {
            return list(request, caller, HttpStatus.BAD_REQUEST, "field.roles_missing", form);
        }
        CreateUser.CreateUserResult result = createUser.create(new NewUser(form.username(), password(body),
                roles.get(), form.tenant().isEmpty() ? null : form.tenant()), Actors.of(caller));
        if (result instanceof CreateUser.Created) {
            return UiPages.redirect(request, USERS + "?done=user_created");
        }
        if (result instanceof CreateUser.Refused refused) {
            HttpStatus status = refused.reason() == CreateUser.Reason.USERNAME_TAKEN ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            return list(request, caller, status, errorKey(refused.reason()), form);
        }
        return Refusals.notPermitted(caller);
    }

    @Get("/{username}")
    HttpResponse<?> edit(HttpRequest<?> request, Authentication caller, @PathVariable String username) {
        return edit(request, caller, username, HttpStatus.OK, null, null);
    }

    @Post("/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, Authentication caller, @PathVariable String username,
                           @Body Map<String, Object> body) {
        UserForm form = UserForm.of(body).withUsername(username);
        Optional<Set<Role>> roles = roles(form.roles());
        if (roles.isEmpty()) {
            return edit(request, caller, username, HttpStatus.BAD_REQUEST, "field.roles_missing", form);
        }
        String password = password(body);
        // The tenant goes with the customer's role (the use case drops it with the role): the field left as it
        // was while a partner's role is ticked is no change; one typed anew is, and refused when not allowed.
        String tenantBefore = UiForms.first(body.get("tenantBefore"));
        boolean tenantMeant = !form.tenant().isEmpty()
                && (roles.get().stream().anyMatch(Role::isCustomerRole) || !form.tenant().equals(tenantBefore));
        UpdateUser.UserChange change = new UpdateUser.UserChange(roles,
                password.isEmpty() ? Optional.empty() : Optional.of(password),
                tenantMeant ? Optional.of(form.tenant()) : Optional.empty());
        UpdateUser.UpdateUserResult result = updateUser.update(username, change, Actors.of(caller));
        if (result instanceof UpdateUser.Updated) {
            return UiPages.redirect(request, USERS + "?done=user_updated");
        }
        if (result instanceof UpdateUser.NotFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "problem.user_not_found.detail");
        }
        if (result instanceof UpdateUser.LastGlobalAdmin) {
            return edit(request, caller, username, HttpStatus.CONFLICT, "problem.last_global_admin_role.detail", form);
        }
        if (result instanceof UpdateUser.Refused refused) {
            return edit(request, caller, username, HttpStatus.BAD_REQUEST, errorKey(refused.reason()), form);
        }
        if (result instanceof UpdateUser.NothingToChange) {
            return UiPages.redirect(request, USERS + "?done=user_updated");
        }
        return Refusals.notPermitted(caller);
    }

    @Post("/{username}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> request, Authentication caller, @PathVariable String username) {
        return switch (deleteUser.delete(username, Actors.of(caller))) {
            case DELETED -> UiPages.redirect(request, USERS + "?done=user_deleted");
            case NOT_FOUND -> pages.error(request, HttpStatus.NOT_FOUND, "problem.user_not_found.detail");
            case LAST_GLOBAL_ADMIN -> edit(request, caller, username, HttpStatus.CONFLICT, "problem.last_global_admin.detail", null);
            case CANNOT_DELETE_SELF -> edit(request, caller, username, HttpStatus.CONFLICT, "problem.cannot_delete_self.detail", null);
            case NOT_PERMITTED -> Refusals.notPermitted(caller);
        };
    }

    @Post("/{username}/mfa/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.RESET_MFA)
    HttpResponse<?> resetSecondFactor(HttpRequest<?> request, Authentication caller, @PathVariable String username) {
        ResetSecondFactor.ResetOutcome outcome = resetSecondFactor.reset(Actors.of(caller), username);
        if (outcome instanceof ResetSecondFactor.Reset) {
            return UiPages.redirect(request, USERS + "?done=user_mfa_reset");
        }
        if (outcome instanceof ResetSecondFactor.NotFound) {
            return edit(request, caller, username, HttpStatus.NOT_FOUND, "users.error.noSecondFactor", null);
        }
        return Refusals.notPermitted(caller);
    }

    private HttpResponse<?> list(HttpRequest<?> request, Authentication caller, HttpStatus status, @Nullable String errorKey,
                                 UserForm form) {
        Lookup<List<UserView>> users = listUsers.list(Actors.of(caller));
        return pages.answer(request, caller, users, found -> {
            Map<String, Object> model = model("users.title");
            model.put("users", found);
            model.put("errorKey", errorKey);
            model.put("form", form);
            return pages.render(request, status, LIST_TEMPLATE, model);
        });
    }

    private HttpResponse<?> edit(HttpRequest<?> request, Authentication caller, String username, HttpStatus status,
                                 @Nullable String errorKey, @Nullable UserForm sent) {
        Lookup<List<UserView>> users = listUsers.list(Actors.of(caller));
        return pages.answer(request, caller, users, found -> {
            Optional<UserView> user = found.stream().filter(each -> each.username().equals(username)).findFirst();
            if (user.isEmpty()) {
                return pages.error(request, HttpStatus.NOT_FOUND, "problem.user_not_found.detail");
            }
            Map<String, Object> model = model("users.edit.title");
            model.put("user", user.get());
            model.put("self", user.get().username().equals(caller.getName()));
            model.put("canResetMfa", Actors.of(caller).may(Permission.RESET_MFA));
            model.put("errorKey", errorKey);
            model.put("form", sent != null ? sent : UserForm.of(user.get()));
            return pages.render(request, status, EDIT_TEMPLATE, model);
        });
    }

    private static Map<String, Object> model(String titleKey) {
        Map<String, Object> model = UiPages.section(titleKey);
        model.put("section", "users");
        model.put("roles", ROLES);
        return model;
    }

    private static String errorKey(CreateUser.Reason reason) {
        return OWN_TEXTS.contains(reason) ? "users.error." + reason.code() : "field." + reason.code();
    }

    /** The roles ticked, if at least one and every one known (a hand-made post naming another is refused alike). */
    private static Optional<Set<Role>> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (!ROLES.contains(upper)) {
                return Optional.empty();
            }
            roles.add(Role.valueOf(upper));
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(roles);
    }

    /** The password as typed (not stripped: spaces may be part of it); never put back into a page. */
    private static String password(Map<String, Object> body) {
        Object value = body.get("password");
        if (value instanceof Collection<?> many) {
            value = many.isEmpty() ? null : many.iterator().next();
        }
        String password = value == null ? "" : String.valueOf(value);
        return password.length() > UiForms.MAX_FIELD ? password.substring(0, UiForms.MAX_FIELD) : password;
    }

    /** What the add and change forms hold, as sent, without the password. */
    record UserForm(String username, List<String> roles, String tenant) {

        static UserForm empty() {
            return new UserForm("", List.of(), "");
        }

        static UserForm of(UserView user) {
            return new UserForm(user.username(), user.roles().stream().map(Role::name).sorted().toList(),
                    user.customerTenantId().orElse(""));
        }

        static UserForm of(Map<String, Object> body) {
            return new UserForm(UiForms.first(body.get("username")), UiForms.values(body.get("roles")), UiForms.first(body.get("customerTenantId")));
        }

        UserForm withUsername(String name) {
            return new UserForm(name, roles, tenant);
        }

        public boolean has(String role) {
            return roles.contains(role);
        }
    }
}
