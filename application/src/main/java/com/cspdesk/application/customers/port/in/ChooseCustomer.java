package com.cspdesk.application.customers.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.List;

/**
 * The customers to choose one of where a list filters by customer (issue #17: the activity log), by
 * company name: the partner's first {@code limit}, a customer's user only its own. Who reads such a
 * list sees those names on it anyway, so it needs {@code VIEW_CUSTOMERS} or {@code READ_ACTIVITY_LOG};
 * anyone else gets none.
 */
public interface ChooseCustomer {

    List<Choice> choices(Actor actor, int limit);

    record Choice(String tenantId, String companyName) {
    }
}
