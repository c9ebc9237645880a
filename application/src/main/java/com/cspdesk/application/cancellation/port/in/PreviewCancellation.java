package com.cspdesk.application.cancellation.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.Optional;

/** The cancellation preview of one order; empty when the order or its customer is not visible. */
public interface PreviewCancellation {

    Optional<CancellationPreview> preview(String customerTenantId, String orderId, Actor actor);
}
