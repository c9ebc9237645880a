package com.cspdesk.application.activity.port.in;

import com.cspdesk.application.shared.port.in.Page;

import java.util.function.Consumer;

/** Spec "View activity for software key access and software downloads": the records of a date range. */
public interface QueryActivityLog {

    QueryResult query(ActivityQuery query);

    /** Every record of the query, oldest first, for the CSV export (streamed, not collected). */
    QueryResult forEach(ActivityQuery query, Consumer<ActivityRecordView> sink);

    sealed interface QueryResult {
    }

    record Found(Page<ActivityRecordView> page) implements QueryResult {
    }

    /** {@code reason}: start_date_too_old, date_range_invalid, filter_invalid; {@code field} names the parameter. */
    record Refused(String reason, String field) implements QueryResult {
    }
}
