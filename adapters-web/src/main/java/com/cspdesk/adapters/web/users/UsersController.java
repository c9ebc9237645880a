package com.cspdesk.adapters.web.users;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.adapters.web.users.UserRequests.CreateUserRequest;
import com.cspdesk.adapters.web.users.UserRequests.UpdateUserRequest;
import com.cspdesk.adapters.web.users.UserRequests.UserResponse;
import com.cspdesk.application.identity.port.in.UpdateUser;
import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.DeleteUser;
import com.cspdesk.application.identity.port.in.ListUsers;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.in.UserView;
import com.cspdesk.domain.identity.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** api.md "Users": global admins only. */
@Tag(name = "users")
@Controller("/v1/users")
@RequiresPermission(Permission.MANAGE_USERS)
@ExecuteOn(TaskExecutors.BLOCKING)
class UsersController {

    private final CreateUser createUser;
    private final ListUsers listUsers;
    private final DeleteUser deleteUser;
    private final UpdateUser updateUser;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;

    UsersController(CreateUser createUser, ListUsers listUsers, DeleteUser deleteUser, UpdateUser updateUser,
                    IdempotentResponses idempotent, Problems problems, Answers answers) {
        this.createUser = createUser;
        this.listUsers = listUsers;
        this.deleteUser = deleteUser;
        this.updateUser = updateUser;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Adds a user with its roles (a customer's roles name its customer)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"username": "new.agent@partner.example", "password": "Long-Enough-Passw0rd!", "roles": ["ADMIN_AGENT"]}""")))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UserRequests.UserResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Valid @Body CreateUserRequest body) {
        Optional<String> unknown = unknownRole(body.roles());
        if (unknown.isPresent()) {
            return unknownRole(request, unknown.get());
        }
        Set<Role> roles = roles(body.roles());
        return idempotent.run(request, caller, body, () -> {
            CreateUser.CreateUserResult result = createUser.create(
                    new NewUser(body.username(), body.password(), roles, body.customerTenantId()), Actors.of(caller));
            if (result instanceof CreateUser.Created created) {
                UserResponse user = response(created.user());
                return HttpResponse.created(user, URI.create("/v1/users/" + user.username()));
            }
            if (result instanceof CreateUser.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            CreateUser.Refused refused = (CreateUser.Refused) result;
            return refusal(request, refused);
        });
    }

    @Operation(summary = "Lists the users")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, UserRequests.UserItems.class})))
    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, listUsers.list(Actors.of(caller)),
                users -> HttpResponse.ok(ResourceCollection.of(users.stream().map(UsersController::response).toList())));
    }

    /** Roles, tenant or password; any change ends the user's sessions at once. */
    @Operation(summary = "Changes a user's roles or password")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserRequests.UserResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Patch("/{username}")
    HttpResponse<?> update(HttpRequest<?> request, Authentication caller, @PathVariable String username,
                           @Valid @Body UpdateUserRequest body) {
        Optional<List<String>> roleNames = Optional.ofNullable(body.roles());
        Optional<String> unknown = roleNames.flatMap(UsersController::unknownRole);
        if (unknown.isPresent()) {
            return unknownRole(request, unknown.get());
        }
        UpdateUser.UserChange change = new UpdateUser.UserChange(roleNames.map(UsersController::roles),
                Optional.ofNullable(body.password()), Optional.ofNullable(body.customerTenantId()));
        return idempotent.run(request, caller, body, () -> {
            UpdateUser.UpdateUserResult result = updateUser.update(username, change, Actors.of(caller));
            if (result instanceof UpdateUser.Updated updated) {
                return HttpResponse.ok(response(updated.user()));
            }
            if (result instanceof UpdateUser.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            if (result instanceof UpdateUser.NotFound) {
                return problems.respond(request, HttpStatus.NOT_FOUND, "user_not_found");
            }
            if (result instanceof UpdateUser.LastGlobalAdmin) {
                return problems.respond(request, HttpStatus.CONFLICT, "last_global_admin_role");
            }
            if (result instanceof UpdateUser.NothingToChange) {
                return problems.respond(request, HttpStatus.BAD_REQUEST, "user_change_empty");
            }
            UpdateUser.Refused refused = (UpdateUser.Refused) result;
            return refusal(request, new CreateUser.Refused(refused.reason(), refused.field()));
        });
    }

    @Operation(summary = "Removes a user (never the last global admin, never oneself)")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Delete("/{username}")
    HttpResponse<?> delete(HttpRequest<?> request, Authentication caller, @PathVariable String username) {
        return switch (deleteUser.delete(username, Actors.of(caller))) {
            case DELETED -> HttpResponse.noContent();
            case NOT_FOUND -> problems.respond(request, HttpStatus.NOT_FOUND, "user_not_found");
            case LAST_GLOBAL_ADMIN -> problems.respond(request, HttpStatus.CONFLICT, "last_global_admin");
            case CANNOT_DELETE_SELF -> problems.respond(request, HttpStatus.CONFLICT, "cannot_delete_self");
            case NOT_PERMITTED -> Refusals.notPermitted(caller);
        };
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, CreateUser.Refused refused) {
        String code = refused.reason().code();
        if (refused.reason() == CreateUser.Reason.USERNAME_TAKEN) {
            return problems.respond(request, HttpStatus.CONFLICT, code);
        }
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed",
                List.of(problems.fieldError(request, refused.field(), code))));
    }

    /** The first name in the list that is no role, if any. */
    private static Optional<String> unknownRole(List<String> names) {
        for (String name : names) {
            if (name == null || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(name.strip().toUpperCase(Locale.ROOT)))) {
                return Optional.of(String.valueOf(name));
            }
        }
        return Optional.empty();
    }

    private MutableHttpResponse<?> unknownRole(HttpRequest<?> request, String name) {
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed",
                List.of(problems.fieldError(request, "roles", "role_unknown", name))));
    }

    /** The roles named (every name known: {@link #unknownRole(List)} answered empty). */
    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT))));
        return roles;
    }

    private static UserResponse response(UserView user) {
        return new UserResponse(user.username(), user.roles().stream().map(Enum::name).sorted().toList(),
                user.customerTenantId().orElse(null), user.createdAt());
    }
}
