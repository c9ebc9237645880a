package com.cspdesk.domain.identity;

import java.util.Optional;
import java.util.Set;

/**
 * The rules of a registered application (a service caller, api.md "Service callers"): a name a person
 * recognises it by, and the partner roles it acts with. An application is the partner's own
 * software, so it holds partner roles only: a customer's role is bound to one user of one tenant and
 * is never given to an application. When it acts, its actor's name is {@value #ACTOR_PREFIX} followed
 * by its id — the colon is no character of a {@link Username}, so it can never be taken for a user.
 */
public final class ServiceCaller {

    /** The longest name, in characters. */
    public static final int NAME_MAX_LENGTH = 100;
    /** Live secrets of one application at a time: enough to rotate (old and new overlap), few enough to keep track of. */
    public static final int LIVE_CREDENTIALS_MAX = 5;
    /** What an application's actor name starts with ({@code userPrincipalName} of its activity records). */
    public static final String ACTOR_PREFIX = "app:";

    private ServiceCaller() {
    }

    /** What is wrong with a registration, if anything. */
    public enum Problem {
        NAME_MISSING, NAME_TOO_LONG, NAME_INVALID, ROLES_MISSING, CUSTOMER_ROLE
    }

    /** The first problem of this name and these roles, field by field; empty when they may be registered. */
    public static Optional<Problem> problemOf(String name, Set<Role> roles) {
        if (name == null || name.isBlank()) {
            return Optional.of(Problem.NAME_MISSING);
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > NAME_MAX_LENGTH) {
            return Optional.of(Problem.NAME_TOO_LONG);
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(Problem.NAME_INVALID);
        }
        if (roles == null || roles.isEmpty()) {
            return Optional.of(Problem.ROLES_MISSING);
        }
        if (roles.stream().anyMatch(Role::isCustomerRole)) {
            return Optional.of(Problem.CUSTOMER_ROLE);
        }
        return Optional.empty();
    }

    /** The name an application acts under: {@code app:} and its id. */
    public static String actorName(String applicationId) {
        return ACTOR_PREFIX + applicationId;
    }

    /** Whether a name is an application's actor name (never a user's). */
    public static boolean isActorName(String name) {
        return name != null && name.startsWith(ACTOR_PREFIX);
    }
}
