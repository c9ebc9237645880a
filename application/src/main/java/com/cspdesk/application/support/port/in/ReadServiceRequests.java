package com.cspdesk.application.support.port.in;

import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;

import java.util.Optional;

/** The partner's support requests, newest first, and one by id. */
public interface ReadServiceRequests {

    Page<ServiceRequestView> list(PageRequest page);

    Optional<ServiceRequestView> get(String requestId);
}
