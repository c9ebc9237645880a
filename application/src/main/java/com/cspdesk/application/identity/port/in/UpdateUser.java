package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A global admin changes a user's roles, customer tenant or password. A change ends every session
 * of the user at once (its tokens carry the old roles, or were got with the old password), and the
 * partner is never left without a global admin.
 */
public interface UpdateUser {

    /** Needs {@code MANAGE_USERS}. */
    UpdateUserResult update(String username, UserChange change, Actor actor);

    /**
     * What to change; what is empty stays as it is. Raw input like {@link NewUser}: the use case
     * validates it. The password never appears in {@link #toString()}.
     */
    record UserChange(Optional<Set<Role>> roles, Optional<String> password, Optional<String> customerTenantId) {

        public UserChange {
            Objects.requireNonNull(roles, "roles");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(customerTenantId, "customerTenantId");
            roles = roles.map(Set::copyOf);
        }

        public boolean isEmpty() {
            return roles.isEmpty() && password.isEmpty() && customerTenantId.isEmpty();
        }

        @Override
        public String toString() {
            return "UserChange[roles=" + roles + ", password=" + (password.isPresent() ? "***" : "unchanged")
                    + ", customerTenantId=" + customerTenantId + "]";
        }
    }

    sealed interface UpdateUserResult {
    }

    /** Changed (or already so, when nothing differed: then nothing was written and no session ended). */
    record Updated(UserView user) implements UpdateUserResult {
    }

    /** The table does not let the actor manage users; nothing was looked at or changed. */
    record NotPermitted(Permission permission) implements UpdateUserResult {
    }

    record NotFound() implements UpdateUserResult {
    }

    /**
     * Refused, with the field the reason is about: the reasons of {@link CreateUser}, whose rules a
     * changed user must meet as a new one would.
     */
    record Refused(CreateUser.Reason reason, String field) implements UpdateUserResult {
    }

    /** Nothing to change was given. */
    record NothingToChange() implements UpdateUserResult {
    }

    /** Refused: the change takes the global admin role from the last user holding it. */
    record LastGlobalAdmin() implements UpdateUserResult {
    }
}
