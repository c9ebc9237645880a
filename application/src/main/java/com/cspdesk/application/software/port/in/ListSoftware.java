package com.cspdesk.application.software.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;

import java.util.List;

/**
 * The software bought for a customer, cancelled lines included; not found
 * ({@code customer_not_found}) when the customer is not visible. Needs {@code VIEW_SOFTWARE}.
 */
public interface ListSoftware {

    Lookup<List<SoftwareView>> list(CustomerRef customer, Actor actor);
}
