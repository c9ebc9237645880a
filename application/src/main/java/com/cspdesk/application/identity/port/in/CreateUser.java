package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/** api.md "Users": a global admin creates the other users. */
public interface CreateUser {

    /** Needs {@code MANAGE_USERS}. */
    CreateUserResult create(NewUser newUser, Actor actor);

    sealed interface CreateUserResult {
    }

    record Created(UserView user) implements CreateUserResult {
    }

    /** The table does not let the actor manage users; nothing was stored. */
    record NotPermitted(Permission permission) implements CreateUserResult {
    }

    /** Refused, with the field the reason is about; codes are stable for API callers. */
    record Refused(Reason reason, String field) implements CreateUserResult {
    }

    enum Reason {
        USERNAME_INVALID("username_invalid"),
        USERNAME_TAKEN("username_taken"),
        ROLES_MISSING("roles_missing"),
        CUSTOMER_ROLE_MIXED("customer_role_mixed"),
        CUSTOMER_TENANT_REQUIRED("customer_tenant_required"),
        CUSTOMER_TENANT_NOT_ALLOWED("customer_tenant_not_allowed"),
        CUSTOMER_TENANT_INVALID("customer_tenant_invalid"),
        CUSTOMER_TENANT_UNKNOWN("customer_tenant_unknown"),
        PASSWORD_TOO_SHORT("password_too_short"),
        PASSWORD_TOO_LONG("password_too_long"),
        PASSWORD_TOO_SIMPLE("password_too_simple"),
        PASSWORD_CONTAINS_USERNAME("password_contains_username"),
        PASSWORD_WELL_KNOWN("password_well_known");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
