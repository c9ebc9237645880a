package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;

import java.util.Set;

/** api.md "Service callers": a global admin registers an application, which gets its first secret. */
public interface RegisterApplication {

    /** Needs {@code MANAGE_APPLICATIONS}, and a signed-in user: an application registers none. */
    RegisterOutcome register(String name, Set<Role> roles, Actor actor);

    sealed interface RegisterOutcome {
    }

    record Registered(ApplicationView application, IssuedSecret secret) implements RegisterOutcome {
    }

    record NotPermitted(Permission permission) implements RegisterOutcome {
    }

    /** Refused, with the field the reason is about. */
    record Refused(Reason reason, String field) implements RegisterOutcome {
    }

    enum Reason {
        NAME_MISSING("application_name_missing"),
        NAME_TOO_LONG("application_name_too_long"),
        NAME_INVALID("application_name_invalid"),
        ROLES_MISSING("roles_missing"),
        CUSTOMER_ROLE("application_role_not_allowed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
