package com.cspdesk.domain.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which users must have a second factor before they may do anything but enrol one: those holding
 * any of the configured roles (Partner Center enforces MFA for partner users; the product's default is
 * its admin agents and global admins, none in the sandbox). A user who holds none of them may still
 * enrol, and once enrolled always signs in with a code.
 */
public final class SecondFactorRequirement {

    private final Set<Role> roles;

    public SecondFactorRequirement(Set<Role> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Nobody must enrol (the sandbox's default). */
    public static SecondFactorRequirement none() {
        return new SecondFactorRequirement(Set.of());
    }

    /** Whether a user with these roles must have a confirmed second factor. */
    public boolean appliesTo(Set<Role> held) {
        for (Role role : held) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }
}
