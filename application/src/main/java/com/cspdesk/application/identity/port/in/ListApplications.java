package com.cspdesk.application.identity.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

import java.util.List;

/** Every registered application, revoked ones too, oldest first. Needs {@code MANAGE_APPLICATIONS}. */
public interface ListApplications {

    Lookup<List<ApplicationView>> list(Actor actor);
}
