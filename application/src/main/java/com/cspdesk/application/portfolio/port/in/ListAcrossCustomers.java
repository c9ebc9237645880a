package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.function.Consumer;

/** What each view across customers offers: a page of the query, or every row of it for an export. */
public interface ListAcrossCustomers<V> {

    AcrossCustomersResult<V> list(AcrossCustomersQuery query, Actor actor);

    /** Every row of the query (its page is ignored), newest first, for the CSV export: streamed, not collected. */
    AcrossCustomersResult<V> forEach(AcrossCustomersQuery query, Actor actor, Consumer<V> sink);
}
