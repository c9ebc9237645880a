package com.cspdesk.application.support.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;

/**
 * The partner's support requests, newest first, and one by id ({@code service_request_not_found}).
 * Needs {@code FILE_SERVICE_REQUEST}.
 */
public interface ReadServiceRequests {

    Lookup<Page<ServiceRequestView>> list(PageRequest page, Actor actor);

    Lookup<ServiceRequestView> get(String requestId, Actor actor);
}
