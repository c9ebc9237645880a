package com.cspdesk.adapters.web.ui.signin;

import com.cspdesk.domain.identity.Role;

import java.util.List;

/**
 * Sandbox mode's demo users, which the sign-in page lists with their roles: bootstrap's list of them, the one
 * its start-up creates (no copy here to drift). Only sandbox mode has this bean; without it the page lists none.
 */
@FunctionalInterface
public interface DemoSignIns {

    /** Every demo user, in the order to list them. */
    List<DemoSignIn> users();

    /** A demo user: what to type as the username, and the role it signs in with. */
    record DemoSignIn(String username, Role role) {
    }
}
