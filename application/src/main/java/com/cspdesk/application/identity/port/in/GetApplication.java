package com.cspdesk.application.identity.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

/** One registered application ({@code application_not_found} otherwise). Needs {@code MANAGE_APPLICATIONS}. */
public interface GetApplication {

    Lookup<ApplicationView> get(String applicationId, Actor actor);
}
