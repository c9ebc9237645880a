package com.cspdesk.application.identity.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

import java.util.List;

/** Every user, ordered by username. Needs {@code MANAGE_USERS}. */
public interface ListUsers {

    Lookup<List<UserView>> list(Actor actor);
}
