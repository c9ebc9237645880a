package com.cspdesk.application.activity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.shared.port.in.Page;

import java.util.function.Consumer;

/** Spec "View activity for software key access and software downloads": the records of a date range. */
public interface QueryActivityLog {

    QueryResult query(ActivityQuery query, Actor actor);

    /** Every record of the query, oldest first, for the CSV export (streamed, not collected). */
    QueryResult forEach(ActivityQuery query, Actor actor, Consumer<ActivityRecordView> sink);

    sealed interface QueryResult {
    }

    record Found(Page<ActivityRecordView> page) implements QueryResult {
    }

    /** {@code reason}: start_date_too_old, date_range_invalid, filter_invalid; {@code field} names the parameter. */
    record Refused(String reason, String field) implements QueryResult {
    }

    /** The table does not let the actor read the log; nothing was read. Needs {@code READ_ACTIVITY_LOG}. */
    record NotPermitted(Permission permission) implements QueryResult {
    }
}
