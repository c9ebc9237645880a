package com.cspdesk.application.cancellation.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

/**
 * The cancellation preview of one order; not found ({@code customer_not_found},
 * {@code order_not_found}) when the order or its customer is not visible. Needs {@code VIEW_ORDERS}.
 */
public interface PreviewCancellation {

    Lookup<CancellationPreview> preview(CustomerRef customer, String orderId, Actor actor);
}
