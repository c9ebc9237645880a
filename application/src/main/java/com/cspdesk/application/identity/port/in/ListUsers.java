package com.cspdesk.application.identity.port.in;

import java.util.List;

/** Every user, ordered by username. */
public interface ListUsers {

    List<UserView> list();
}
