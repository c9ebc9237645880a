package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.Optional;

/** api.md "Orders": one order of a customer; empty when missing or not visible to the actor. */
public interface GetOrder {

    Optional<OrderView> get(String customerTenantId, String orderId, Actor actor);
}
