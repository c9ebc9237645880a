package com.cspdesk.application.software.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.List;
import java.util.Optional;

/** The software bought for a customer, cancelled lines included; empty when the customer is not visible. */
public interface ListSoftware {

    Optional<List<SoftwareView>> list(String customerTenantId, Actor actor);
}
