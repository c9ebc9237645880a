package com.cspdesk.application.support.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.support.ServiceRequestStatus;

import java.util.Optional;

/**
 * The support requests, newest first (those in one status: support's queue), and one by id
 * ({@code service_request_not_found}). Needs {@code FOLLOW_SERVICE_REQUESTS}: the partner's agents
 * and support staff.
 */
public interface ReadServiceRequests {

    Lookup<Page<ServiceRequestView>> list(PageRequest page, Optional<ServiceRequestStatus> status, Actor actor);

    default Lookup<Page<ServiceRequestView>> list(PageRequest page, Actor actor) {
        return list(page, Optional.empty(), actor);
    }

    Lookup<ServiceRequestView> get(String requestId, Actor actor);
}
